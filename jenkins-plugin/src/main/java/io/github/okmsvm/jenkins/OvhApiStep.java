package io.github.okmsvm.jenkins;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that finds (or orders) the OKMS through the OVHcloud API first, as the guide's steps 1 to 4 do: it takes the
 * OKMS and the API's connection arguments.
 */
public abstract class OvhApiStep extends OkmsStep {
  @Override @DataBoundSetter public void setOkmsId(String value) { super.setOkmsId(value); }
  @Override @DataBoundSetter public void setOrder(boolean value) { super.setOrder(value); }
  @Override @DataBoundSetter public void setKmipEndpoint(String value) { super.setKmipEndpoint(value); }
  @Override @DataBoundSetter public void setOvhCredentialsId(String value) { super.setOvhCredentialsId(value); }
  @Override @DataBoundSetter public void setOvhEndpoint(String value) { super.setOvhEndpoint(value); }
  @Override @DataBoundSetter public void setOvhTokenUrl(String value) { super.setOvhTokenUrl(value); }
  @Override @DataBoundSetter public void setOvhCaFile(String value) { super.setOvhCaFile(value); }
}
