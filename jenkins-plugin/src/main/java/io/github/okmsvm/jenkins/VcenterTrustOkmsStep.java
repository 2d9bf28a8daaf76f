package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
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
  Command command() {
    return Command.TRUST;
  }

  /** Registers {@code vcenterTrustOkms} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.TRUST.functionName();
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
