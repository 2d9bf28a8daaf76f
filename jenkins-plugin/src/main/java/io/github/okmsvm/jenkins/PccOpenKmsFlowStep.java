package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code pccOpenKmsFlow}: guide step 2: the OKMS KMIP endpoint registered on the PCC with its IPv4 and verified SHA-1 thumbprint. */
public final class PccOpenKmsFlowStep extends OvhApiStep {
  @DataBoundConstructor
  public PccOpenKmsFlowStep(String pccServiceName) {
    setPccServiceName(pccServiceName);
  }

  // pccOpenKmsFlow also takes these; Jenkins refuses any argument a step does not take.
  @Override @DataBoundSetter public void setRegion(String value) { super.setRegion(value); }

  @Override
  Command command() {
    return Command.OPEN_KMS_FLOW;
  }

  /** Registers {@code pccOpenKmsFlow} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.OPEN_KMS_FLOW.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Open the KMS flow on a Hosted Private Cloud";
    }
  }
}
