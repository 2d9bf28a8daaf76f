package io.github.okmsvm.it.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.vsphere.VirtualMachines;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vCenter client suite against the sandbox vCenter, in every build; it pages exactly as vCenter does. */
class SandboxVcenterConformanceIT extends VimConformanceSuite {
  private static SandboxPeer sandbox;

  @BeforeAll
  static void start() {
    sandbox = SandboxPeer.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Override
  protected VcenterPeer peer() {
    return sandbox;
  }

  @Test
  void pagesExactlyOneRoundTripPerPage() {
    new VirtualMachines(client).list(null, 25);

    assertThat(List.of(client.callCount("RetrievePropertiesEx"), client.callCount("ContinueRetrievePropertiesEx")))
        .containsExactly(1L, 2L);
  }
}
