package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Credentials with an id. */
public interface IdCredentials extends Credentials {
  String getId();
}
