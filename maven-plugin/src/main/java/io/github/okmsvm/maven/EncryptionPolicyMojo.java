package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.VcenterEncryptionPolicyStep;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 5: a VM storage policy with vCenter's "Default encryption properties" component. */
@Mojo(name = "encryption-policy", requiresProject = false, threadSafe = true)
public class EncryptionPolicyMojo extends AbstractOkmsMojo {
  @Override
  String goal() {
    return "encryption-policy";
  }

  @Override
  List<GuideStep> steps() {
    return List.of(new VcenterEncryptionPolicyStep());
  }
}
