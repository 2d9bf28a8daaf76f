package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code ovhIamPolicy}: guide step 4: an IAM policy, by name, allowing the identities the actions on the OKMS and the PCC. */
public final class OvhIamPolicyStep extends OvhApiStep {
  @DataBoundConstructor
  public OvhIamPolicyStep(String pccServiceName) {
    setPccServiceName(pccServiceName);
  }

  // ovhIamPolicy also takes these; Jenkins refuses any argument a step does not take.
  @Override @DataBoundSetter public void setRegion(String value) { super.setRegion(value); }
  @Override @DataBoundSetter public void setIdentityUrns(List<String> value) { super.setIdentityUrns(value); }
  @Override @DataBoundSetter public void setIamPolicyName(String value) { super.setIamPolicyName(value); }
  @Override @DataBoundSetter public void setIamActions(List<String> value) { super.setIamActions(value); }

  @Override
  Command command() {
    return Command.IAM_POLICY;
  }

  /** Registers {@code ovhIamPolicy} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.IAM_POLICY.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Grant IAM rights on the OKMS and the PCC";
    }
  }
}
