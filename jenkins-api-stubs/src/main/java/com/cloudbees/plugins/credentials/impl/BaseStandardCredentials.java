package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.util.UUID;

/** The credentials plugin's base of credentials with an id and a description (an abstract class). */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final String description;

  public BaseStandardCredentials(String id, String description) {
    this(CredentialsScope.GLOBAL, id, description);
  }

  public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
    super(scope);
    this.id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    this.description = description == null ? "" : description;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public final int hashCode() {
    return id.hashCode();
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof BaseStandardCredentials other && id.equals(other.id);
  }

  /** The descriptor of such credentials kinds. */
  protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
    protected BaseStandardCredentialsDescriptor() {}

    protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
      super(clazz);
    }
  }
}
