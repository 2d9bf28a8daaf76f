package com.cloudbees.plugins.credentials.common;

/** A user name and a password. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}
