package io.github.okmsvm.jenkins;

import org.kohsuke.stapler.DataBoundSetter;

/** A step that works in vCenter (guide steps 5 to 7 and the gate): it takes vCenter's connection arguments. */
public abstract class VcenterStep extends OkmsStep {
  @Override @DataBoundSetter public void setVcenterCredentialsId(String value) { super.setVcenterCredentialsId(value); }
  @Override @DataBoundSetter public void setVcenterThumbprint(String value) { super.setVcenterThumbprint(value); }
  @Override @DataBoundSetter public void setVcenterCaFile(String value) { super.setVcenterCaFile(value); }
  @Override @DataBoundSetter public void setVcenterInsecure(boolean value) { super.setVcenterInsecure(value); }
}
