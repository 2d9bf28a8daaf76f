package com.cloudbees.plugins.credentials;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The credentials plugin's store of Jenkins-wide credentials, where tests put theirs as they do under JenkinsRule
 * ({@code SystemCredentialsProvider.getInstance().getCredentials().add(c)}).
 */
public class SystemCredentialsProvider {
  private static final SystemCredentialsProvider INSTANCE = new SystemCredentialsProvider();
  private final List<Credentials> credentials = new CopyOnWriteArrayList<>();

  public static SystemCredentialsProvider getInstance() {
    return INSTANCE;
  }

  public List<Credentials> getCredentials() {
    return credentials;
  }
}
