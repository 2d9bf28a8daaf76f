package io.github.okmsvm.jenkins;

import java.util.List;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that changes the selected VMs (encrypts them, re-keys them): it takes the selection, the power-off and the
 * parallelism arguments, and the key provider.
 */
public abstract class VmChangeStep extends VcenterStep {
  @Override @DataBoundSetter public void setVms(List<String> value) { super.setVms(value); }
  @Override @DataBoundSetter public void setVmFolder(String value) { super.setVmFolder(value); }
  @Override @DataBoundSetter public void setAllowEmptySelection(boolean value) { super.setAllowEmptySelection(value); }
  @Override @DataBoundSetter public void setAllowPowerOff(boolean value) { super.setAllowPowerOff(value); }
  @Override @DataBoundSetter public void setPartial(boolean value) { super.setPartial(value); }
  @Override @DataBoundSetter public void setShutdownTimeoutSeconds(int value) {
    super.setShutdownTimeoutSeconds(value);
  }
  @Override @DataBoundSetter public void setParallelism(int value) { super.setParallelism(value); }
  @Override @DataBoundSetter public void setProviderName(String value) { super.setProviderName(value); }
}
