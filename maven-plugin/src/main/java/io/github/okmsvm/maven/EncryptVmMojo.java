package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The whole guide for the selected VMs: steps 1 to 6 in order, each converging (with
 * {@code okms.prerequisites=false}, step 6 alone, with the storage policy of step 5).
 */
@Mojo(name = "encrypt-vm", requiresProject = false, threadSafe = true)
public class EncryptVmMojo extends AbstractOkmsMojo {
  /** Converge steps 1 to 5 first; false encrypts the VMs only, with what is already set up. */
  @Parameter(property = PluginProperties.PREREQUISITES, defaultValue = "true")
  boolean prerequisites;

  @Override
  Command command() {
    return Command.ENCRYPT_VM;
  }

  @Override
  List<GuideStep> steps() {
    return EncryptionFlow.forCommand(command(), prerequisites, null);
  }
}
