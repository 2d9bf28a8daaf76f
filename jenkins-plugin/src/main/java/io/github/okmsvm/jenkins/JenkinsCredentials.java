package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;
import hudson.model.Run;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.ovh.OvhSettings;
import io.github.okmsvm.core.ovh.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * Turns Jenkins credentials into OVHcloud and vCenter logins: {@code ovhCredentialsId} is a Username/password (an
 * OAuth2 service account: client id and secret) or a Secret file (an {@code ovh.conf}); {@code vcenterCredentialsId}
 * is a Username/password. Without ids, the variables {@code withCredentials} binds (OVH_*, VSPHERE_*) are used.
 */
final class JenkinsCredentials {
  private JenkinsCredentials() {}

  static OvhSettings ovh(String credentialsId, String endpoint, CredentialLookup lookup, Run<?, ?> run,
      EnvVars env) throws IOException {
    Map<String, String> explicit = new LinkedHashMap<>();
    if (endpoint != null && !endpoint.isBlank()) {
      explicit.put(OvhSettings.ENDPOINT, endpoint);
    }
    if (credentialsId == null || credentialsId.isBlank()) {
      return OvhSettings.resolve(explicit, env, List.of());
    }
    IdCredentials credentials = find(credentialsId, "ovhCredentialsId", lookup, run);
    if (credentials instanceof StandardUsernamePasswordCredentials account) {
      explicit.put(OvhSettings.CLIENT_ID, account.getUsername());
      explicit.put(OvhSettings.CLIENT_SECRET, hudson.util.Secret.toString(account.getPassword()));
      return OvhSettings.resolve(explicit, Map.of(), List.of());
    }
    if (credentials instanceof FileCredentials file) {
      try (InputStream content = file.getContent()) {
        return OvhSettings.resolve(explicit, Map.of(), new String(content.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    throw wrongType("ovhCredentialsId", credentialsId, credentials,
        "Username with password (an OVHcloud service account) or Secret file (an ovh.conf)");
  }

  /** The vCenter user and password. */
  record VcenterLogin(String user, Secret password) {}

  static VcenterLogin vcenter(String credentialsId, CredentialLookup lookup, Run<?, ?> run, EnvVars env) {
    if (credentialsId == null || credentialsId.isBlank()) {
      String user = env.get("VSPHERE_USER");
      String password = env.get("VSPHERE_PASSWORD");
      if (user == null || password == null) {
        throw new ConfigurationException("vcenterCredentialsId", "is missing: give the id of a Username with"
            + " password credential for vCenter, or bind VSPHERE_USER and VSPHERE_PASSWORD with withCredentials");
      }
      return new VcenterLogin(user, Secret.of(password));
    }
    IdCredentials credentials = find(credentialsId, "vcenterCredentialsId", lookup, run);
    if (credentials instanceof StandardUsernamePasswordCredentials login) {
      return new VcenterLogin(login.getUsername(), Secret.of(hudson.util.Secret.toString(login.getPassword())));
    }
    throw wrongType("vcenterCredentialsId", credentialsId, credentials, "Username with password");
  }

  private static IdCredentials find(String id, String field, CredentialLookup lookup, Run<?, ?> run) {
    IdCredentials credentials = lookup.find(id.strip(), run);
    if (credentials == null) {
      throw new ConfigurationException(field, "'" + id + "' names no credentials this build can use: check the id"
          + " in Manage Jenkins > Credentials, and that the credentials are visible to this job");
    }
    return credentials;
  }

  private static ConfigurationException wrongType(String field, String id, IdCredentials found, String expected) {
    return new ConfigurationException(field, "'" + id + "' is a " + kind(found) + " credential where " + expected
        + " was expected: give the id of a credential of that kind");
  }

  private static String kind(IdCredentials credentials) {
    for (Class<?> type : credentials.getClass().getInterfaces()) {
      if (type.getPackageName().startsWith("com.cloudbees") || type.getPackageName().startsWith("org.jenkinsci")) {
        return type.getSimpleName();
      }
    }
    return credentials.getClass().getSimpleName();
  }
}
