package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.OkmsOrderStep;
import io.github.okmsvm.core.steps.OvhIamPolicyStep;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 4: an IAM policy, by name, allowing the identities the given actions on the OKMS and the PCC. */
@Mojo(name = "iam-policy", requiresProject = false, threadSafe = true)
public class IamPolicyMojo extends AbstractOkmsMojo {
  @Override
  String goal() {
    return "iam-policy";
  }

  @Override
  List<GuideStep> steps() {
    return List.of(new OkmsOrderStep(), new OvhIamPolicyStep());
  }
}
