package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code okmsOrder}: guide step 1: the OKMS of a region, found, or ordered when order: true. */
public final class OkmsOrderStep extends OkmsStep {
  @DataBoundConstructor
  public OkmsOrderStep(String region) {
    setRegion(region);
  }

  @Override
  Command command() {
    return Command.ORDER;
  }

  /** Registers {@code okmsOrder} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.ORDER.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Find or order an OVHcloud KMS";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
