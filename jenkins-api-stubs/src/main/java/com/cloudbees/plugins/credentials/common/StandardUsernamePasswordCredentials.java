package com.cloudbees.plugins.credentials.common;

/** The "Username with password" credentials kind. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials,
    UsernamePasswordCredentials {}
