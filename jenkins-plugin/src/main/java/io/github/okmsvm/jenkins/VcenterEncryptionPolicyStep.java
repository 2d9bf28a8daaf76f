package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code vcenterEncryptionPolicy}: guide step 5: a VM storage policy with vCenter's Default encryption properties. */
public final class VcenterEncryptionPolicyStep extends OkmsStep {
  @DataBoundConstructor
  public VcenterEncryptionPolicyStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  // vcenterEncryptionPolicy takes these besides vcenterServer, and Jenkins refuses any argument it does not use.
  @Override @DataBoundSetter public void setStoragePolicyName(String value) { super.setStoragePolicyName(value); }
  @Override @DataBoundSetter public void setVcenterCredentialsId(String value) { super.setVcenterCredentialsId(value); }
  @Override @DataBoundSetter public void setVcenterThumbprint(String value) { super.setVcenterThumbprint(value); }
  @Override @DataBoundSetter public void setVcenterCaFile(String value) { super.setVcenterCaFile(value); }
  @Override @DataBoundSetter public void setVcenterInsecure(boolean value) { super.setVcenterInsecure(value); }
  @Override @DataBoundSetter public void setPlan(boolean value) { super.setPlan(value); }
  @Override @DataBoundSetter public void setTimeoutSeconds(int value) { super.setTimeoutSeconds(value); }

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
