package com.cloudbees.plugins.credentials.common;

/** The credentials plugin's drop-down of standard credentials, each shown as its description or id. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel,
    StandardCredentials> {
  private static final long serialVersionUID = 1L;

  @Override
  protected String describe(StandardCredentials c) {
    return c.getDescription() == null || c.getDescription().isEmpty() ? c.getId() : c.getDescription();
  }
}
