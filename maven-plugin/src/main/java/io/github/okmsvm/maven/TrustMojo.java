package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 3: a vCenter key provider for the OKMS, trusted both ways (vCenter's CSR signed by OKMS), connected, and default. */
@Mojo(name = "trust", requiresProject = false, threadSafe = true)
public class TrustMojo extends AbstractOkmsMojo {
  @Override
  Command command() {
    return Command.TRUST;
  }
}
