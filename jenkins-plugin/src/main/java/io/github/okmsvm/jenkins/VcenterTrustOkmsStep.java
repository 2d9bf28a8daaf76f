package io.github.okmsvm.jenkins;

import hudson.Extension;
import io.github.okmsvm.core.steps.Command;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code vcenterTrustOkms}: guide step 3: a vCenter key provider for the OKMS, trusted both ways, connected and default. */
public final class VcenterTrustOkmsStep extends OvhApiStep {
  @DataBoundConstructor
  public VcenterTrustOkmsStep(String vcenterServer) {
    setVcenterServer(vcenterServer);
  }

  // vcenterTrustOkms also takes these, vCenter's connection among them; Jenkins refuses any argument a step does not
  // take.
  @Override @DataBoundSetter public void setRegion(String value) { super.setRegion(value); }
  @Override @DataBoundSetter public void setIdentityUrns(List<String> value) { super.setIdentityUrns(value); }
  @Override @DataBoundSetter public void setCredentialName(String value) { super.setCredentialName(value); }
  @Override @DataBoundSetter public void setCredentialValidityDays(int value) {
    super.setCredentialValidityDays(value);
  }
  @Override @DataBoundSetter public void setRenewBeforeDays(int value) { super.setRenewBeforeDays(value); }
  @Override @DataBoundSetter public void setProviderName(String value) { super.setProviderName(value); }
  @Override @DataBoundSetter public void setSetDefault(boolean value) { super.setSetDefault(value); }
  @Override @DataBoundSetter public void setVcenterCredentialsId(String value) { super.setVcenterCredentialsId(value); }
  @Override @DataBoundSetter public void setVcenterThumbprint(String value) { super.setVcenterThumbprint(value); }
  @Override @DataBoundSetter public void setVcenterCaFile(String value) { super.setVcenterCaFile(value); }
  @Override @DataBoundSetter public void setVcenterInsecure(boolean value) { super.setVcenterInsecure(value); }

  @Override
  Command command() {
    return Command.TRUST;
  }

  /** Registers {@code vcenterTrustOkms} with Jenkins. */
  @Extension
  public static final class DescriptorImpl extends OkmsStepDescriptor {
    @Override
    public String getFunctionName() {
      return Command.TRUST.functionName();
    }

    @Override
    public String getDisplayName() {
      return "Make vCenter and OKMS trust each other";
    }
  }
}
