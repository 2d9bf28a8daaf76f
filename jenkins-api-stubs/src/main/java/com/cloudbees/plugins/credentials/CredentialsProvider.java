package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Run;

/** The credentials plugin's provider: the two static methods steps use (varargs form, present since 1.16). */
public abstract class CredentialsProvider {
  public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
      DomainRequirement... domainRequirements) {
    throw new UnsupportedOperationException("compile-time stub: Jenkins' credentials plugin looks credentials up");
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> C track(Run build, C credentials) {
    throw new UnsupportedOperationException("compile-time stub: Jenkins' credentials plugin tracks usage");
  }
}
