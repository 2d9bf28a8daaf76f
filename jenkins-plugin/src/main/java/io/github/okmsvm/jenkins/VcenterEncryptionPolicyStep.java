package io.github.okmsvm.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.GuideStep;
import java.util.List;
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
  List<GuideStep> guideSteps(EnvVars env) {
    return List.of(new io.github.okmsvm.core.steps.VcenterEncryptionPolicyStep());
  }

  /** Registers {@code vcenterEncryptionPolicy} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "vcenterEncryptionPolicy";
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
