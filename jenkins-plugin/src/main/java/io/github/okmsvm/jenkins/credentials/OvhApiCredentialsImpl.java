package io.github.okmsvm.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The stored "OVHcloud API" credential; its secrets are {@link Secret}s, encrypted on disk by Jenkins. */
public final class OvhApiCredentialsImpl extends BaseStandardCredentials implements OvhApiCredentials {
  private static final long serialVersionUID = 1L;
  private final String endpoint;
  private String clientId;
  private Secret clientSecret;
  private String applicationKey;
  private Secret applicationSecret;
  private Secret consumerKey;

  @DataBoundConstructor
  public OvhApiCredentialsImpl(CredentialsScope scope, String id, String description, String endpoint) {
    super(scope, id, description);
    this.endpoint = endpoint;
  }

  @Override
  public String getEndpoint() {
    return endpoint;
  }

  @Override
  public String getClientId() {
    return clientId;
  }

  @DataBoundSetter
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  @Override
  public Secret getClientSecret() {
    return clientSecret;
  }

  @DataBoundSetter
  public void setClientSecret(Secret clientSecret) {
    this.clientSecret = clientSecret;
  }

  @Override
  public String getApplicationKey() {
    return applicationKey;
  }

  @DataBoundSetter
  public void setApplicationKey(String applicationKey) {
    this.applicationKey = applicationKey;
  }

  @Override
  public Secret getApplicationSecret() {
    return applicationSecret;
  }

  @DataBoundSetter
  public void setApplicationSecret(Secret applicationSecret) {
    this.applicationSecret = applicationSecret;
  }

  @Override
  public Secret getConsumerKey() {
    return consumerKey;
  }

  @DataBoundSetter
  public void setConsumerKey(Secret consumerKey) {
    this.consumerKey = consumerKey;
  }

  /** Registers the kind in Manage Jenkins > Credentials, and as {@code ovhApi} in Configuration as Code. */
  @Extension
  @Symbol("ovhApi")
  public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
    @Override
    public String getDisplayName() {
      return "OVHcloud API";
    }
  }
}
