package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code okmsOrder}: guide step 1: the OKMS of a region, found, or ordered when order: true. */
public final class OkmsOrderStep extends OkmsStep {
  @DataBoundConstructor
  public OkmsOrderStep(String region) {
    setRegion(region);
  }

  // okmsOrder takes these besides region, and Jenkins refuses any argument it does not use.
  @Override @DataBoundSetter public void setOkmsId(String value) { super.setOkmsId(value); }
  @Override @DataBoundSetter public void setOrder(boolean value) { super.setOrder(value); }
  @Override @DataBoundSetter public void setKmipEndpoint(String value) { super.setKmipEndpoint(value); }
  @Override @DataBoundSetter public void setOvhCredentialsId(String value) { super.setOvhCredentialsId(value); }
  @Override @DataBoundSetter public void setOvhEndpoint(String value) { super.setOvhEndpoint(value); }
  @Override @DataBoundSetter public void setOvhTokenUrl(String value) { super.setOvhTokenUrl(value); }
  @Override @DataBoundSetter public void setOvhCaFile(String value) { super.setOvhCaFile(value); }
  @Override @DataBoundSetter public void setPlan(boolean value) { super.setPlan(value); }
  @Override @DataBoundSetter public void setTimeoutSeconds(int value) { super.setTimeoutSeconds(value); }

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
