package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code okmsOrder}: guide step 1: the OKMS of a region, found, or ordered when order: true. */
public final class OkmsOrderStep extends OvhApiStep {
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
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.ORDER.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Find or order an OVHcloud KMS";
    }
  }
}
