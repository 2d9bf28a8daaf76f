package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 4: an IAM policy, by name, allowing the identities the given actions on the OKMS and the PCC. */
@Mojo(name = "iam-policy", requiresProject = false, threadSafe = true)
public class IamPolicyMojo extends AbstractOkmsMojo {
  @Override
  Command command() {
    return Command.IAM_POLICY;
  }
}
