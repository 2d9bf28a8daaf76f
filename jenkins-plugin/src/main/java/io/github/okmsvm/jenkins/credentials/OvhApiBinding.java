package io.github.okmsvm.jenkins.credentials;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.github.okmsvm.core.config.EnvironmentNames;
import io.github.okmsvm.core.config.SettingNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withCredentials([ovhApi(credentialsId: 'ovh')])}: the {@code OVH_*} variables OVHcloud's tools (and these
 * steps) read, the secrets masked in the log; the endpoint, client id and application key are not secrets.
 */
public final class OvhApiBinding extends MultiBinding<OvhApiCredentials> {
  @DataBoundConstructor
  public OvhApiBinding(String credentialsId) {
    super(credentialsId);
  }

  @Override
  protected Class<OvhApiCredentials> type() {
    return OvhApiCredentials.class;
  }

  @Override
  public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
      throws CredentialNotFoundException {
    OvhApiCredentials credentials = getCredentials(build);
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    put(shown, SettingNames.OVH_ENDPOINT, credentials.getEndpoint());
    put(shown, SettingNames.OVH_CLIENT_ID, credentials.getClientId());
    put(secrets, SettingNames.OVH_CLIENT_SECRET, Secret.toString(credentials.getClientSecret()));
    put(shown, SettingNames.OVH_APPLICATION_KEY, credentials.getApplicationKey());
    put(secrets, SettingNames.OVH_APPLICATION_SECRET, Secret.toString(credentials.getApplicationSecret()));
    put(secrets, SettingNames.OVH_CONSUMER_KEY, Secret.toString(credentials.getConsumerKey()));
    return new MultiEnvironment(secrets, shown);
  }

  @Override
  public Set<String> variables(Run<?, ?> build) throws CredentialNotFoundException {
    return bind(build, null, null, null).getSecretValues().keySet();
  }

  /** Blank values are not bound: an empty secret would mask every empty string of the log. */
  private static void put(Map<String, String> variables, String setting, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(EnvironmentNames.of(setting), value);
    }
  }

  /** Registers {@code ovhApi} with credentials-binding. */
  @Extension
  @Symbol("ovhApi")
  public static final class DescriptorImpl extends BindingDescriptor<OvhApiCredentials> {
    @Override
    protected Class<OvhApiCredentials> type() {
      return OvhApiCredentials.class;
    }

    @Override
    public String getDisplayName() {
      return "OVHcloud API (OVH_* variables)";
    }

    @Override
    public boolean requiresWorkspace() {
      return false;
    }
  }
}
