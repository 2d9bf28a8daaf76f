package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.OkmsOrderStep;
import io.github.okmsvm.core.steps.VcenterTrustOkmsStep;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Guide step 3: a vCenter key provider for the OKMS, trusted both ways (vCenter's CSR signed by OKMS), connected, and default. */
@Mojo(name = "trust", requiresProject = false, threadSafe = true)
public class TrustMojo extends AbstractOkmsMojo {
  @Override
  String goal() {
    return "trust";
  }

  @Override
  List<GuideStep> steps() {
    return List.of(new OkmsOrderStep(), new VcenterTrustOkmsStep());
  }
}
