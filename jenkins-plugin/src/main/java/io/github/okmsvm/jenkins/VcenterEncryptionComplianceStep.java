package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
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
  Command command() {
    return Command.CHECK;
  }

  /** Registers {@code vcenterEncryptionCompliance} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.CHECK.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Check VM encryption compliance";
    }

    /** Its reports go into the workspace: Jenkins refuses the step outside {@code node}, saying so. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class);
    }
  }
}
