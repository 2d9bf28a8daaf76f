package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** A requirement credentials must satisfy (a class). */
public class DomainRequirement implements ExtensionPoint, Serializable {
  private static final long serialVersionUID = 1L;
}
