package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** workflow-step-api's {@code StepDescriptor}. */
public abstract class StepDescriptor extends Descriptor<Step> {
  protected StepDescriptor() {}

  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();

  public boolean takesImplicitBlockArgument() {
    return false;
  }
}
