package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** The credentials plugin's root type (an interface). */
public interface Credentials extends Serializable {}
