package io.github.okmsvm.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.GuideStep;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code vcenterEncryptionCompliance}: the gate: every selected VM judged, JSON/JUnit/Markdown/HTML reports written, failure above maxNonCompliant. */
public final class VcenterEncryptionComplianceStep extends OkmsStep {
  @DataBoundConstructor
  public VcenterEncryptionComplianceStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  @Override
  List<GuideStep> guideSteps(EnvVars env) {
    return List.of(new io.github.okmsvm.core.steps.VcenterEncryptionComplianceStep(OkmsStepExecution.reportDirectory(this, env)));
  }

  /** Registers {@code vcenterEncryptionCompliance} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "vcenterEncryptionCompliance";
    }

    @Override
    public String getDisplayName() {
      return "Check VM encryption compliance";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
