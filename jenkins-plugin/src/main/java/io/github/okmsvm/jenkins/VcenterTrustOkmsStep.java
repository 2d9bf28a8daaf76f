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

/** {@code vcenterTrustOkms}: guide step 3: a vCenter key provider for the OKMS, trusted both ways, connected and default. */
public final class VcenterTrustOkmsStep extends OkmsStep {
  @DataBoundConstructor
  public VcenterTrustOkmsStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  @Override
  List<GuideStep> guideSteps(EnvVars env) {
    return List.of(new io.github.okmsvm.core.steps.OkmsOrderStep(), new io.github.okmsvm.core.steps.VcenterTrustOkmsStep());
  }

  /** Registers {@code vcenterTrustOkms} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "vcenterTrustOkms";
    }

    @Override
    public String getDisplayName() {
      return "Make vCenter and OKMS trust each other";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
