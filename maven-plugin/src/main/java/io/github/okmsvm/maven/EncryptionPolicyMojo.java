package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 5: a VM storage policy with vCenter's "Default encryption properties" component. */
@Mojo(name = "encryption-policy", requiresProject = false, threadSafe = true)
public class EncryptionPolicyMojo extends AbstractOkmsMojo {
  @Override
  Command command() {
    return Command.ENCRYPTION_POLICY;
  }
}
