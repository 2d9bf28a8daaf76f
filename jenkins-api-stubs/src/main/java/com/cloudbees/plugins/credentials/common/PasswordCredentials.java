package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Credentials with a password. */
public interface PasswordCredentials extends Credentials {
  Secret getPassword();
}
