package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code vcenterEncryptionPolicy}: guide step 5: a VM storage policy with vCenter's Default encryption properties. */
public final class VcenterEncryptionPolicyStep extends OkmsStep {
  @DataBoundConstructor
  public VcenterEncryptionPolicyStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  @Override
  Command command() {
    return Command.ENCRYPTION_POLICY;
  }

  /** Registers {@code vcenterEncryptionPolicy} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.ENCRYPTION_POLICY.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Create the VM encryption storage policy";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
