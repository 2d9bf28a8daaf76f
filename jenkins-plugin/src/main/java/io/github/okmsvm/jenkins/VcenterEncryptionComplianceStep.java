package io.github.okmsvm.jenkins;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.steps.Command;
import java.util.List;
import java.util.Set;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code vcenterEncryptionCompliance}: the gate: every selected VM judged, JSON/JUnit/Markdown/HTML reports written, failure above maxNonCompliant. */
public final class VcenterEncryptionComplianceStep extends VcenterStep {
  @DataBoundConstructor
  public VcenterEncryptionComplianceStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  // vcenterEncryptionCompliance also takes these; Jenkins refuses any argument a step does not take.
  @Override @DataBoundSetter public void setVms(List<String> value) { super.setVms(value); }
  @Override @DataBoundSetter public void setVmFolder(String value) { super.setVmFolder(value); }
  @Override @DataBoundSetter public void setAllowEmptySelection(boolean value) { super.setAllowEmptySelection(value); }
  @Override @DataBoundSetter public void setProviderName(String value) { super.setProviderName(value); }
  @Override @DataBoundSetter public void setEncryptedVMotion(String value) { super.setEncryptedVMotion(value); }
  @Override @DataBoundSetter public void setMaxNonCompliant(int value) { super.setMaxNonCompliant(value); }
  @Override @DataBoundSetter public void setReportDirectory(String value) { super.setReportDirectory(value); }
  @Override @DataBoundSetter public void setReportFormats(List<String> value) { super.setReportFormats(value); }
  @Override @DataBoundSetter public void setMarkUnstable(boolean value) { super.setMarkUnstable(value); }
  @Override @DataBoundSetter public void setMinCertificateDays(int value) { super.setMinCertificateDays(value); }
  @Override @DataBoundSetter public void setUnstableNonCompliant(Integer value) {
    super.setUnstableNonCompliant(value);
  }

  @Override
  Command command() {
    return Command.CHECK;
  }

  /** Registers {@code vcenterEncryptionCompliance} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
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
