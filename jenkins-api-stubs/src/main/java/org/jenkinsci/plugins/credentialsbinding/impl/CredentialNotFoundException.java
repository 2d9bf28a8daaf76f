package org.jenkinsci.plugins.credentialsbinding.impl;

import hudson.AbortException;

/** credentials-binding's error for a missing or mistyped credential. */
public class CredentialNotFoundException extends AbortException {
  private static final long serialVersionUID = 1L;

  public CredentialNotFoundException(String message) {
    super(message);
  }
}
