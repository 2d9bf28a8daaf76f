package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** The credentials plugin's filter of credentials (an interface). */
public interface CredentialsMatcher extends Serializable {
  boolean matches(Credentials item);
}
