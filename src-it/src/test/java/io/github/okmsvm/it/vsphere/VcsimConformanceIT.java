package io.github.okmsvm.it.vsphere;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The vCenter client suite against govmomi's vcsim (conformance profile only; a missing vcsim fails it). */
class VcsimConformanceIT extends VimConformanceSuite {
  @TempDir static Path work;
  private static VcsimPeer vcsim;

  @BeforeAll
  static void start() throws Exception {
    vcsim = VcsimPeer.start(work);
  }

  @AfterAll
  static void stop() {
    if (vcsim != null) {
      vcsim.close();
    }
  }

  @Override
  protected VcenterPeer peer() {
    return vcsim;
  }
}
