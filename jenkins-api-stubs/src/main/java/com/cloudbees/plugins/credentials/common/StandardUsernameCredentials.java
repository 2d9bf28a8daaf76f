package com.cloudbees.plugins.credentials.common;

/** Standard credentials with a user name. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
