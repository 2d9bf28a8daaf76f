package com.cloudbees.plugins.credentials;

/** The credentials plugin's base of credentials kinds (a class). */
public class BaseCredentials implements Credentials {
  private static final long serialVersionUID = 1L;
  private final CredentialsScope scope;

  protected BaseCredentials() {
    this(CredentialsScope.GLOBAL);
  }

  public BaseCredentials(CredentialsScope scope) {
    this.scope = scope;
  }

  @Override
  public CredentialsScope getScope() {
    return scope;
  }

  @Override
  public CredentialsDescriptor getDescriptor() {
    throw new UnsupportedOperationException("compile-time stub: Jenkins provides the descriptor");
  }
}
