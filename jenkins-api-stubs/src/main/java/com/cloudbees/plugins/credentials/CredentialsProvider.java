package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Run;
import hudson.security.Permission;

/**
 * The credentials plugin's provider: the static methods the plugin uses (varargs form, present since 1.16). The
 * stub looks in {@link SystemCredentialsProvider} only.
 */
public abstract class CredentialsProvider {
  /** Who may use an item's credentials in its builds (and list them in its forms). */
  public static final Permission USE_ITEM = new Permission(
      "com.cloudbees.plugins.credentials.CredentialsProvider.UseItem");

  public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
      DomainRequirement... domainRequirements) {
    for (Credentials credentials : SystemCredentialsProvider.getInstance().getCredentials()) {
      if (type.isInstance(credentials) && type.cast(credentials).getId().equals(id.strip())) {
        return type.cast(credentials);
      }
    }
    return null;
  }

  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> C track(Run build, C credentials) {
    return credentials;
  }
}
