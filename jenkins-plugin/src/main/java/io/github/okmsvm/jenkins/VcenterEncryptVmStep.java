package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code vcenterEncryptVm}: guide step 6: the selected VMs encrypted, home and every disk, verified. */
public final class VcenterEncryptVmStep extends OkmsStep {
  @DataBoundConstructor
  public VcenterEncryptVmStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  @Override
  Command command() {
    return Command.ENCRYPT_VM;
  }

  /** Registers {@code vcenterEncryptVm} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.ENCRYPT_VM.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Encrypt VMs with the OKMS key provider";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
