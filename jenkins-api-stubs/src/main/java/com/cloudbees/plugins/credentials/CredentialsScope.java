package com.cloudbees.plugins.credentials;

/** Where credentials may be used: Jenkins itself, any job, or one user's. */
public enum CredentialsScope {
  SYSTEM,
  GLOBAL,
  USER
}
