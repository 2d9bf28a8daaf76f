package io.github.okmsvm.jenkins.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/**
 * An "OVHcloud API" credential: the API endpoint, and either an OAuth2 service account (client id and secret) or an
 * application key, application secret and consumer key, as OVHcloud's tools take them.
 */
public interface OvhApiCredentials extends StandardCredentials {
  /** {@code ovh-eu}, {@code ovh-ca}, {@code ovh-us} or an API URL; blank for the step's own or the default. */
  String getEndpoint();

  String getClientId();

  Secret getClientSecret();

  String getApplicationKey();

  Secret getApplicationSecret();

  Secret getConsumerKey();
}
