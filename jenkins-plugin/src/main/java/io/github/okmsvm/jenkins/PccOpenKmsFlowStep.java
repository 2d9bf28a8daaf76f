package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code pccOpenKmsFlow}: guide step 2: the OKMS KMIP endpoint registered on the PCC with its IPv4 and verified SHA-1 thumbprint. */
public final class PccOpenKmsFlowStep extends OkmsStep {
  @DataBoundConstructor
  public PccOpenKmsFlowStep(String pccServiceName) {
    setPccServiceName(pccServiceName);
  }

  // pccOpenKmsFlow takes these besides pccServiceName, and Jenkins refuses any argument it does not use.
  @Override @DataBoundSetter public void setRegion(String value) { super.setRegion(value); }
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
