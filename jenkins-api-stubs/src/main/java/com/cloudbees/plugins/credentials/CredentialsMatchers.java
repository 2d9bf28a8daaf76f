package com.cloudbees.plugins.credentials;

import java.util.Arrays;

/** The credentials plugin's matcher factories, those the plugin uses. */
public final class CredentialsMatchers {
  private CredentialsMatchers() {}

  @SuppressWarnings("rawtypes")
  public static CredentialsMatcher instanceOf(Class clazz) {
    return clazz::isInstance;
  }

  public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
    return item -> Arrays.stream(matchers).anyMatch(matcher -> matcher.matches(item));
  }

  public static CredentialsMatcher always() {
    return item -> true;
  }
}
