package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepException;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.steps.VcenterEncryptionComplianceTask;
import io.github.okmsvm.core.steps.VcenterEncryptionPolicyTask;
import io.github.okmsvm.core.steps.VcenterEncryptVmTask;
import io.github.okmsvm.sandbox.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Never a VM left off: the tool marks a VM on the VM itself before powering it off; a failed task powers it on again
 * in the same run; a run that dies in between leaves the mark, the gate fails on it, and the next run finishes.
 */
class PowerStateIT {
  @Test
  void aRunThatDiesWithAVmOffLeavesItMarkedTheGateFailsAndTheNextRunPowersItOn() {
    try (FlowHarness flow = FlowHarness.start()) {
      EncryptionSettings settings = flow.settings().vms(List.of("web-01")).allowPowerOff(true).build();
      flow.sandbox.vcenterServer().faults().inject("PowerOnVM_Task", new Fault.ServerError(500), 1);

      assertThatThrownBy(() -> flow.run(settings)).isInstanceOf(RuntimeException.class);

      assertThat(flow.vm("web-01").poweredOn()).isFalse();
      assertThat(flow.vm("web-01").fullyEncrypted()).isTrue();
      assertThat(flow.vm("web-01").poweredOffMarker()).endsWith(", shut down to encrypt it");
      assertThatThrownBy(() -> flow.run(List.of(new VcenterEncryptionComplianceTask(null)), settings))
          .isInstanceOf(StepException.class)
          .hasMessageContaining("web-01 (left powered off by okms-vm-encryption (")
          .hasMessageContaining("): run encrypt-vm again to power it on)");

      List<StepResult> next = flow.run(settings);

      assertThat(next.get(next.size() - 1).changes()).singleElement().asString()
          .startsWith("power VM web-01 on again (left by an earlier run: ");
      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      assertThat(flow.vm("web-01").leftPoweredOff()).isFalse();
      assertThat(flow.run(List.of(new VcenterEncryptionComplianceTask(null)), settings).get(0).summary())
          .isEqualTo("1 of 1 VMs compliant (0 non-compliant, 0 allowed): PASSED");
      long writes = flow.vcenterWrites();
      flow.run(settings);
      assertThat(flow.vcenterWrites()).as("a converged run").isEqualTo(writes);
    }
  }

  @Test
  void aFailedReconfigurePowersTheVmOnAgainInTheSameRun() {
    try (FlowHarness flow = FlowHarness.start()) {
      // no key provider yet: vCenter refuses to encrypt, after the VM was shut down for it
      EncryptionSettings settings = flow.settings().vms(List.of("web-01")).allowPowerOff(true).build();

      assertThatThrownBy(() -> flow.run(List.of(new VcenterEncryptionPolicyTask(), new VcenterEncryptVmTask()),
          settings)).hasMessageContaining("1 of 1 VMs not encrypted: web-01: ");

      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      assertThat(flow.vm("web-01").leftPoweredOff()).isFalse();
      assertThat(flow.vm("web-01").fullyEncrypted()).isFalse();
      assertThat(flow.sandbox.vcenterServer().counters().count("PowerOnVM_Task")).isEqualTo(1);
    }
  }

  @Test
  void planModeSaysAMarkedVmWillBePoweredOnAndDoesNot() {
    try (FlowHarness flow = FlowHarness.start()) {
      EncryptionSettings settings = flow.settings().vms(List.of("web-01")).allowPowerOff(true).build();
      flow.sandbox.vcenterServer().faults().inject("PowerOnVM_Task", new Fault.ServerError(500), 1);
      assertThatThrownBy(() -> flow.run(settings)).isInstanceOf(RuntimeException.class);
      long writes = flow.vcenterWrites();

      List<StepResult> planned = flow.run(EncryptionFlow.steps(false), flow.settings().vms(List.of("web-01"))
          .plan(true).build());

      assertThat(planned.get(planned.size() - 1).changes()).singleElement().asString()
          .startsWith("power VM web-01 on again");
      assertThat(flow.vcenterWrites()).isEqualTo(writes);
      assertThat(flow.vm("web-01").poweredOn()).isFalse();
    }
  }
}
