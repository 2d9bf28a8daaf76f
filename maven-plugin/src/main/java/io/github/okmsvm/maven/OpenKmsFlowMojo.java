package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 2: registers the OKMS KMIP endpoint (IPv4 and SHA-1 thumbprint from a real, verified TLS handshake) on the PCC, or rotates its thumbprint, and waits until it is delivered. */
@Mojo(name = "open-kms-flow", requiresProject = false, threadSafe = true)
public class OpenKmsFlowMojo extends AbstractOkmsMojo {
  @Override
  Command command() {
    return Command.OPEN_KMS_FLOW;
  }
}
