package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code vcenterEncryptVm}: guide step 6: the selected VMs encrypted, home and every disk, verified. */
public final class VcenterEncryptVmStep extends VmChangeStep {
  @DataBoundConstructor
  public VcenterEncryptVmStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  // vcenterEncryptVm also takes these; Jenkins refuses any argument a step does not take.
  @Override @DataBoundSetter public void setEncryptedVMotion(String value) { super.setEncryptedVMotion(value); }
  @Override @DataBoundSetter public void setStoragePolicyName(String value) { super.setStoragePolicyName(value); }

  @Override
  Command command() {
    return Command.ENCRYPT_VM;
  }

  /** Registers {@code vcenterEncryptVm} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.ENCRYPT_VM.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Encrypt VMs with the OKMS key provider";
    }
  }
}
