package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Credentials with a user name. */
public interface UsernameCredentials extends Credentials {
  String getUsername();

  /** Whether the user name is to be masked like a secret: true unless the credential says otherwise. */
  default boolean isUsernameSecret() {
    return true;
  }
}
