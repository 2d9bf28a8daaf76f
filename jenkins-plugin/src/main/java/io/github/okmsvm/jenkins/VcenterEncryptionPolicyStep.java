package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code vcenterEncryptionPolicy}: guide step 5: a VM storage policy with vCenter's Default encryption properties. */
public final class VcenterEncryptionPolicyStep extends VcenterStep {
  @DataBoundConstructor
  public VcenterEncryptionPolicyStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  // vcenterEncryptionPolicy also takes these; Jenkins refuses any argument a step does not take.
  @Override @DataBoundSetter public void setStoragePolicyName(String value) { super.setStoragePolicyName(value); }

  @Override
  Command command() {
    return Command.ENCRYPTION_POLICY;
  }

  /** Registers {@code vcenterEncryptionPolicy} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.ENCRYPTION_POLICY.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Create the VM encryption storage policy";
    }
  }
}
