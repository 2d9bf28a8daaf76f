package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

/** The credentials plugin's descriptor of a credentials kind (an abstract class). */
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
  protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
    super(clazz);
  }

  protected CredentialsDescriptor() {}
}
