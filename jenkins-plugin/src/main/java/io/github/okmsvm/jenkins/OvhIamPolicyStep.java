package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code ovhIamPolicy}: guide step 4: an IAM policy, by name, allowing the identities the actions on the OKMS and the PCC. */
public final class OvhIamPolicyStep extends OkmsStep {
  @DataBoundConstructor
  public OvhIamPolicyStep(String pccServiceName) {
    setPccServiceName(pccServiceName);
  }

  @Override
  Command command() {
    return Command.IAM_POLICY;
  }

  /** Registers {@code ovhIamPolicy} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.IAM_POLICY.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Grant IAM rights on the OKMS and the PCC";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
