package io.github.okmsvm.jenkins.credentials;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
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
 * {@code withCredentials([vsphere(credentialsId: 'vcenter-admin', server: 'vcsa.pcc...')])}: {@code VSPHERE_SERVER},
 * {@code VSPHERE_USER} and {@code VSPHERE_PASSWORD}, as govc, Terraform's vSphere provider (and these steps) read
 * them; the password masked in the log, the user name too when its credential says so.
 */
public final class VsphereBinding extends MultiBinding<StandardUsernamePasswordCredentials> {
  private final String server;

  @DataBoundConstructor
  public VsphereBinding(String credentialsId, String server) {
    super(credentialsId);
    this.server = server;
  }

  public String getServer() {
    return server;
  }

  @Override
  protected Class<StandardUsernamePasswordCredentials> type() {
    return StandardUsernamePasswordCredentials.class;
  }

  @Override
  public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
      throws CredentialNotFoundException {
    StandardUsernamePasswordCredentials login = getCredentials(build);
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, String> shown = new LinkedHashMap<>();
    if (server != null && !server.isBlank()) {
      shown.put(EnvironmentNames.of(SettingNames.VCENTER_SERVER), server.strip());
    }
    (login.isUsernameSecret() ? secrets : shown).put(EnvironmentNames.of(SettingNames.VCENTER_USER),
        login.getUsername());
    secrets.put(EnvironmentNames.of(SettingNames.VCENTER_PASSWORD), login.getPassword().getPlainText());
    return new MultiEnvironment(secrets, shown);
  }

  @Override
  public Set<String> variables(Run<?, ?> build) throws CredentialNotFoundException {
    return bind(build, null, null, null).getSecretValues().keySet();
  }

  /** Registers {@code vsphere} with credentials-binding. */
  @Extension
  @Symbol("vsphere")
  public static final class DescriptorImpl extends BindingDescriptor<StandardUsernamePasswordCredentials> {
    @Override
    protected Class<StandardUsernamePasswordCredentials> type() {
      return StandardUsernamePasswordCredentials.class;
    }

    @Override
    public String getDisplayName() {
      return "vSphere server, user name and password (VSPHERE_* variables)";
    }

    @Override
    public boolean requiresWorkspace() {
      return false;
    }
  }
}
