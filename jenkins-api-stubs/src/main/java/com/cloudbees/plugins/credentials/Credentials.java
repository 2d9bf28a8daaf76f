package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** The credentials plugin's root type (an interface). */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
  CredentialsScope getScope();

  @Override
  CredentialsDescriptor getDescriptor();
}
