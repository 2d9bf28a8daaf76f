package com.cloudbees.plugins.credentials.common;

/** Credentials with an id and a description. */
public interface StandardCredentials extends IdCredentials {
  String getDescription();
}
