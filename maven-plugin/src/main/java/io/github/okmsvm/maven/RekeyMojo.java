package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Re-key and provider migration: the selected VMs re-keyed to {@code okms.providerName} (or the OKMS of
 * {@code okms.region}), shallow unless {@code okms.deepRekey}, in verified waves of {@code okms.parallelism}.
 */
@Mojo(name = "rekey", requiresProject = false, threadSafe = true)
public class RekeyMojo extends AbstractOkmsMojo {
  @Override
  Command command() {
    return Command.REKEY;
  }
}
