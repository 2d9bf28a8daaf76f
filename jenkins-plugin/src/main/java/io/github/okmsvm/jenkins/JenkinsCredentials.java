package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.jenkins.credentials.OvhApiCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * Jenkins credentials as sources of logins: {@code ovhCredentialsId} is an OVHcloud API credential, a
 * Username/password (an OAuth2 service account: client id and secret) or a Secret file (an {@code ovh.conf});
 * {@code vcenterCredentialsId} is a Username/password. Without an id the source is empty, and the variables
 * {@code withCredentials} binds count.
 */
final class JenkinsCredentials {
  static final String OVH_HINTS = "give ovhCredentialsId (an OVHcloud API credential, a Username with password"
      + " credential holding an OVHcloud service account, or a Secret file holding an ovh.conf), or bind the OVH_*"
      + " variables with withCredentials([ovhApi(credentialsId: ...)])";
  static final String VCENTER_HINTS = "give vcenterCredentialsId (a Username with password credential), or bind"
      + " VSPHERE_USER and VSPHERE_PASSWORD with withCredentials([vsphere(credentialsId: ..., server: ...)])";

  private JenkinsCredentials() {}

  static CredentialValues ovh(String credentialsId, CredentialLookup lookup, Run<?, ?> run) {
    if (credentialsId == null || credentialsId.isBlank()) {
      return CredentialValues.of("no ovhCredentialsId", Map.of());
    }
    String description = "credentials " + credentialsId.strip();
    IdCredentials credentials = find(credentialsId, "ovhCredentialsId", lookup, run);
    if (credentials instanceof OvhApiCredentials api) {
      Map<String, String> values = new HashMap<>();
      values.put(SettingNames.OVH_ENDPOINT, api.getEndpoint());
      values.put(SettingNames.OVH_CLIENT_ID, api.getClientId());
      values.put(SettingNames.OVH_CLIENT_SECRET, Secret.toString(api.getClientSecret()));
      values.put(SettingNames.OVH_APPLICATION_KEY, api.getApplicationKey());
      values.put(SettingNames.OVH_APPLICATION_SECRET, Secret.toString(api.getApplicationSecret()));
      values.put(SettingNames.OVH_CONSUMER_KEY, Secret.toString(api.getConsumerKey()));
      return CredentialValues.of(description, values);
    }
    if (credentials instanceof StandardUsernamePasswordCredentials account) {
      return CredentialValues.of(description, Map.of(SettingNames.OVH_CLIENT_ID, account.getUsername(),
          SettingNames.OVH_CLIENT_SECRET, Secret.toString(account.getPassword())));
    }
    if (credentials instanceof FileCredentials file) {
      try (InputStream content = file.getContent()) {
        return CredentialValues.ovhConf(description + " (an ovh.conf)",
            new String(content.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigurationException("ovhCredentialsId", "'" + credentialsId + "' cannot be read ("
            + e.getMessage() + ")", "check the Secret file credential");
      }
    }
    throw wrongType("ovhCredentialsId", credentialsId, credentials,
        "OVHcloud API, Username with password (an OVHcloud service account) or Secret file (an ovh.conf)");
  }

  static CredentialValues vcenter(String credentialsId, CredentialLookup lookup, Run<?, ?> run) {
    if (credentialsId == null || credentialsId.isBlank()) {
      return CredentialValues.of("no vcenterCredentialsId", Map.of());
    }
    IdCredentials credentials = find(credentialsId, "vcenterCredentialsId", lookup, run);
    if (credentials instanceof StandardUsernamePasswordCredentials login) {
      return CredentialValues.of("credentials " + credentialsId.strip(), Map.of(SettingNames.VCENTER_USER,
          login.getUsername(), SettingNames.VCENTER_PASSWORD, Secret.toString(login.getPassword())));
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
