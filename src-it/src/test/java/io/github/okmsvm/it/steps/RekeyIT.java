package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.OkmsOrderTask;
import io.github.okmsvm.core.steps.Outputs;
import io.github.okmsvm.core.steps.PccOpenKmsFlowTask;
import io.github.okmsvm.core.steps.StepException;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.steps.VcenterEncryptionComplianceTask;
import io.github.okmsvm.core.steps.VcenterTrustOkmsTask;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.sandbox.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Re-key and provider migration: VMs encrypted by the OKMS of one region moved to the OKMS of another, shallow while
 * they run, deep only off; in waves; converging; and finished by the next run when one dies after any write.
 */
class RekeyIT {
  private static final String FROM = "okms-eu-west-rbx";
  private static final String TO = "okms-eu-west-gra";
  private static final List<String> VMS = List.of("app-01", "app-02", "db-01", "web-01");

  /** The flow's VMs encrypted by the OKMS of eu-west-rbx, and a second OKMS in eu-west-gra trusted by vCenter. */
  private static FlowHarness twoProviders() {
    FlowHarness flow = FlowHarness.start();
    flow.run(flow.settings().vms(List.of("app-*", "db-01", "web-01")).allowPowerOff(true).build());
    flow.run(List.of(new OkmsOrderTask(), new PccOpenKmsFlowTask(), new VcenterTrustOkmsTask()),
        flow.settings().region("eu-west-gra").setDefault(false).build());
    return flow;
  }

  private static EncryptionSettings.Builder rekey(FlowHarness flow) {
    return flow.settings().region("eu-west-gra").vms(List.of("app-*", "db-01", "web-01")).parallelism(2);
  }

  private static List<StepResult> run(FlowHarness flow, EncryptionSettings settings) {
    return flow.run(EncryptionFlow.forCommand(Command.REKEY, true, null), settings);
  }

  @Test
  void aShallowReKeyMovesRunningVmsToAnotherOkmsInVerifiedWavesAndARerunChangesNothing() {
    try (FlowHarness flow = twoProviders()) {
      long writes = flow.ovhWrites() + flow.vcenterWrites();
      List<StepResult> plan = run(flow, rekey(flow).plan(true).build());
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).as("a plan writes nothing").isEqualTo(writes);
      assertThat(plan.get(0).changes()).containsExactly(
          "shallow re-key of VM app-01 (home and 1 disk) to key provider " + TO + ": its keys are on key provider "
              + FROM,
          "shallow re-key of VM app-02 (home and 1 disk) to key provider " + TO + ": its keys are on key provider "
              + FROM,
          "shallow re-key of VM db-01 (home and 2 disks) to key provider " + TO + ": its keys are on key provider "
              + FROM,
          "shallow re-key of VM web-01 (home and 1 disk) to key provider " + TO + ": its keys are on key provider "
              + FROM);
      long powerCalls = powerCalls(flow);

      List<StepResult> done = run(flow, rekey(flow).build());

      assertThat(done.get(0).summary()).isEqualTo("re-keyed (shallow) 4 VMs to " + TO + ", 0 already on it");
      assertThat(done.get(0).outputs().get(Outputs.REKEYED_VMS)).isEqualTo("app-01,app-02,db-01,web-01");
      assertThat(powerCalls(flow)).as("a shallow re-key powers nothing off").isEqualTo(powerCalls);
      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      assertThat(flow.events).filteredOn(ProgressEvent.Info.class::isInstance).map(Object::toString)
          .anySatisfy(line -> assertThat(line).contains("wave 1: app-01, app-02"))
          .anySatisfy(line -> assertThat(line).contains("wave 2: db-01, web-01"));
      String graOkms = okmsId(flow, "eu-west-gra");
      for (String name : VMS) {
        VmState vm = flow.vm(name);
        assertThat(vm.keys()).as(name).singleElement().satisfies(key -> {
          assertThat(key.providerId()).isEqualTo(TO);
          assertThat(flow.sandbox.kmipObjects(graOkms).contains(key.keyId())).as("the key is on the new OKMS").isTrue();
        });
      }
      assertThat(flow.run(List.of(new VcenterEncryptionComplianceTask(null)), rekey(flow).providerName(TO).build())
          .get(0).summary()).isEqualTo("4 of 4 VMs compliant (0 non-compliant, 0 allowed): PASSED");

      long converged = flow.ovhWrites() + flow.vcenterWrites();
      List<StepResult> again = run(flow, rekey(flow).build());
      assertThat(again.get(0).summary()).isEqualTo("re-keyed (shallow) 0 VMs to " + TO + ", 4 already on it");
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).as("a converged re-run writes nothing").isEqualTo(converged);
    }
  }

  @Test
  void aDeepReKeyIsRefusedWithSnapshotsOrARunningVmUnlessAllowedToPowerItOffAndNeverLeavesItOff() {
    try (FlowHarness flow = twoProviders()) {
      flow.sandbox.vcenterServer().takeSnapshot("db-01");
      long writes = flow.vcenterWrites();

      assertThatThrownBy(() -> run(flow, rekey(flow).deepRekey(true).build())).isInstanceOf(StepException.class)
          .hasMessage("2 of 4 selected VMs cannot be re-keyed, so none was touched: VM db-01 has snapshots, and"
              + " vCenter cannot deep re-key a VM with snapshots: delete or consolidate them, or re-key it shallow"
              + " (deepRekey=false); VM web-01 is powered on, and a deep re-key needs it off: set allowPowerOff=true"
              + " to let the step shut it down and power it on again, power it off yourself, or re-key it shallow"
              + " (deepRekey=false). Fix them, or set partial=true to re-key the others now");
      assertThat(flow.vcenterWrites()).isEqualTo(writes);

      assertThatThrownBy(() -> run(flow, rekey(flow).deepRekey(true).allowPowerOff(true).partial(true).build()))
          .hasMessageStartingWith("1 of 4 VMs not re-keyed: VM db-01 has snapshots");
      for (String name : List.of("app-01", "app-02", "web-01")) {
        assertThat(flow.vm(name).keys()).as(name).allSatisfy(key -> assertThat(key.providerId()).isEqualTo(TO));
      }
      assertThat(flow.vm("web-01").poweredOn()).as("powered on again").isTrue();
      assertThat(flow.vm("web-01").leftPoweredOff()).isFalse();
      assertThat(flow.vm("app-01").poweredOn()).as("left off, as it was").isFalse();

      // a shallow re-key is allowed with a chain of snapshots
      run(flow, rekey(flow).vms(List.of("db-01")).build());
      assertThat(flow.vm("db-01").keys()).singleElement().satisfies(key -> assertThat(key.providerId())
          .isEqualTo(TO));
    }
  }

  @Test
  void vcenterRefusesWhatItRefusesOfARekey() {
    try (FlowHarness flow = twoProviders(); VimClient vim = flow.vim()) {
      VirtualMachines vms = new VirtualMachines(vim);
      VmState web = flow.vm("web-01");
      VmState.CryptoKey key = new CryptoManager(vim).generateKey(TO);

      assertThatThrownBy(() -> vms.recrypt(web, key, true, Duration.ofSeconds(10), elapsed -> { }))
          .isInstanceOf(VimFault.InvalidPowerState.class)
          .hasMessage("deep re-key of web-01 failed with InvalidPowerState: The attempted operation cannot be"
              + " performed in the current state (Powered on).");
      assertThatThrownBy(() -> vms.recrypt(flow.vm("old-01"), key, false, Duration.ofSeconds(10), elapsed -> { }))
          .isInstanceOf(VimFault.InvalidState.class).hasMessageEndingWith("the virtual machine is not encrypted.");
      VmState.CryptoKey unknown = new VmState.CryptoKey("no-such-key", TO);
      assertThatThrownBy(() -> vms.recrypt(flow.vm("app-01"), unknown, false, Duration.ofSeconds(10),
          elapsed -> { })).isInstanceOf(VimFault.RuntimeFault.class)
          .hasMessageContaining("Cannot get key no-such-key from key provider " + TO);
      assertThat(flow.vm("app-01").keys()).singleElement().satisfies(k -> assertThat(k.providerId()).isEqualTo(FROM));

      vms.recrypt(web, key, false, Duration.ofSeconds(10), elapsed -> { });
      assertThat(flow.vm("web-01").keys()).containsExactly(key);
      assertThat(new CryptoManager(vim).queryCryptoKeyStatus(List.of(key)).get(key).available())
          .as("vCenter activated the key it gave the VM").isTrue();
    }
  }

  /**
   * For writes of a deep re-key of two waves (allowed to power VMs off), a run whose answer to that write is lost
   * (it dies there; a lost guest shutdown it survives, by powering the VM off): the next run's plan lists what it
   * does, the run converges, no VM is left off, and a third run changes nothing.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GenerateKey#0", "GenerateKey#2", "ReconfigVM_Task#0", "ReconfigVM_Task#3",
    "ReconfigVM_Task#5", "ShutdownGuest#0", "PowerOnVM_Task#0"})
  void aReKeyWaveThatDiesRightAfterAWriteIsFinishedByTheNextRun(String crashPoint) throws Exception {
    try (FlowHarness flow = twoProviders()) {
      String[] write = crashPoint.split("#");
      flow.sandbox.vcenterServer().faults().injectAfter(write[0], Integer.parseInt(write[1]), new Fault.LoseAnswer(),
          1);
      EncryptionSettings settings = rekey(flow).deepRekey(true).allowPowerOff(true).build();

      try {
        run(flow, settings);
      } catch (RuntimeException expected) {
        // the run died after the write; what matters is the next one
      }
      assertThat(flow.sandbox.vcenterServer().faults().pending(write[0])).as("the answer was lost").isZero();
      flow.sandbox.vcenterServer().faults().clear();
      flow.sandbox.vcenterServer().awaitTasks(Duration.ofSeconds(10));
      List<String> planned = run(flow, rekey(flow).deepRekey(true).allowPowerOff(true).plan(true).build()).get(0)
          .changes();
      List<String> made = run(flow, settings).get(0).changes();

      assertThat(planned).as("the plan lists what the next run does").isEqualTo(made);
      for (String name : VMS) {
        VmState vm = flow.vm(name);
        assertThat(vm.keys()).as(name).allSatisfy(key -> assertThat(key.providerId()).isEqualTo(TO));
        assertThat(vm.leftPoweredOff()).as(name + " unmarked").isFalse();
      }
      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      long writes = flow.vcenterWrites();
      run(flow, settings);
      assertThat(flow.vcenterWrites()).as("a third run changes nothing").isEqualTo(writes);
    }
  }

  private static long powerCalls(FlowHarness flow) {
    return List.of("PowerOffVM_Task", "PowerOnVM_Task", "ShutdownGuest").stream()
        .mapToLong(method -> flow.sandbox.vcenterServer().counters().count(method)).sum();
  }

  private static String okmsId(FlowHarness flow, String region) {
    try (OvhApi ovh = flow.ovh()) {
      return new OkmsApi(ovh).resources(null).stream().filter(okms -> okms.region().equals(region)).findFirst()
          .orElseThrow().id();
    }
  }
}
