package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code vcenterRekeyVm}: the selected VMs re-keyed to the key provider of {@code providerName} (or of
 * {@code region}'s OKMS), shallow unless {@code deepRekey}, in verified waves; also how VMs move between providers.
 */
public final class VcenterRekeyVmStep extends VmChangeStep {
  @DataBoundConstructor
  public VcenterRekeyVmStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  // vcenterRekeyVm also takes these; Jenkins refuses any argument a step does not take.
  @Override @DataBoundSetter public void setRegion(String value) { super.setRegion(value); }
  @Override @DataBoundSetter public void setDeepRekey(boolean value) { super.setDeepRekey(value); }

  @Override
  Command command() {
    return Command.REKEY;
  }

  /** Registers {@code vcenterRekeyVm} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.REKEY.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Re-key VMs, or move them to another key provider";
    }
  }
}
