package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code pccOpenKmsFlow}: guide step 2: the OKMS KMIP endpoint registered on the PCC with its IPv4 and verified SHA-1 thumbprint. */
public final class PccOpenKmsFlowStep extends OkmsStep {
  @DataBoundConstructor
  public PccOpenKmsFlowStep(String pccServiceName) {
    setPccServiceName(pccServiceName);
  }

  @Override
  Command command() {
    return Command.OPEN_KMS_FLOW;
  }

  /** Registers {@code pccOpenKmsFlow} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.OPEN_KMS_FLOW.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Open the KMS flow on a Hosted Private Cloud";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
