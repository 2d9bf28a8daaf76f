package io.github.okmsvm.it.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.it.Conformance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VMware's govc, a vSphere client nobody here wrote, runs its read commands against govmomi's vcsim and against the
 * sandbox vCenter: every command that answers on vcsim answers on the sandbox, with what the inventory holds.
 */
class GovcConformanceIT {
  @TempDir static Path work;
  private static VcsimPeer vcsim;
  private static SandboxPeer sandbox;

  @BeforeAll
  static void start() throws Exception {
    Conformance.requireBuiltPeer(Govc.BINARY, "govc");
    vcsim = VcsimPeer.start(work);
    sandbox = SandboxPeer.start();
  }

  @AfterAll
  static void stop() {
    if (vcsim != null) {
      vcsim.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** The read commands, with the arguments each peer's inventory needs. */
  private static List<List<String>> commands(VcenterPeer peer) {
    String vmPath = "/" + peer.vmInventoryPath();
    return List.of(List.of("about"), List.of("ls"), List.of("find"), List.of("datacenter.info"),
        List.of("vm.info", peer.vmName()), List.of("object.collect", "-s", vmPath, "name"),
        List.of("object.collect", vmPath, "runtime.powerState", "summary.config.numCpu"),
        List.of("storage.policy.ls"), List.of("storage.policy.info"), List.of("kms.ls"), List.of("tasks"),
        List.of("events"));
  }

  @Test
  void everyReadCommandThatAnswersOnVcsimAnswersOnTheSandbox() throws Exception {
    Govc onVcsim = new Govc(vcsim.govcEnvironment(work), work.resolve("govc-vcsim"));
    Govc onSandbox = new Govc(sandbox.govcEnvironment(work), work.resolve("govc-sandbox"));
    List<String> answeredOnVcsim = new ArrayList<>();
    List<String> failedOnSandbox = new ArrayList<>();
    List<List<String>> sandboxCommands = commands(sandbox);
    List<List<String>> vcsimCommands = commands(vcsim);
    for (int i = 0; i < vcsimCommands.size(); i++) {
      Govc.Result reference = onVcsim.run(vcsimCommands.get(i));
      if (reference.exitCode() != 0) {
        continue;
      }
      answeredOnVcsim.add(vcsimCommands.get(i).get(0));
      Govc.Result result = onSandbox.run(sandboxCommands.get(i));
      if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
        failedOnSandbox.add(String.join(" ", sandboxCommands.get(i)) + ": " + result.stderr().strip());
      }
    }

    assertThat(answeredOnVcsim).as("govc's read commands on vcsim").hasSize(12);
    assertThat(failedOnSandbox).as("commands that answer on vcsim but fail on the sandbox").isEmpty();
  }

  @Test
  void govcReadsTheSandboxInventoryAsItIs() throws Exception {
    Govc govc = new Govc(sandbox.govcEnvironment(work), work.resolve("govc-sandbox-inventory"));

    assertThat(govc.run(List.of("ls")).stdout()).isEqualTo("/DC0/vm\n/DC0/host\n/DC0/datastore\n/DC0/network\n");
    assertThat(govc.run(List.of("find", "/DC0/vm", "-type", "m")).stdout().lines().count())
        .isEqualTo(sandbox.vmCount());
    assertThat(govc.run(List.of("object.collect", "-s", "/" + sandbox.vmInventoryPath(), "name")).stdout())
        .isEqualTo(sandbox.vmName() + "\n");
    assertThat(govc.run(List.of("datacenter.info")).stdout()).contains("Virtual Machines:  " + sandbox.vmCount());
    assertThat(govc.run(List.of("vm.info", sandbox.vmName())).stdout()).contains("Name:           "
        + sandbox.vmName()).contains("Host:         172.16.0.11");
    assertThat(govc.run(List.of("kms.ls")).stdout()).contains("okms");
    assertThat(govc.run(List.of("storage.policy.ls")).stdout()).contains("VM Encryption Policy");
  }

  @Test
  void aPowerTaskShowsInTasksAndEventsAsVcenterListsThem() throws Exception {
    Govc govc = new Govc(sandbox.govcEnvironment(work), work.resolve("govc-sandbox-tasks"));

    Govc.Result power = govc.run(List.of("vm.power", "-on", sandbox.poweredOffVmName()));
    assertThat(power.exitCode()).as(power.stderr()).isZero();

    assertThat(govc.run(List.of("tasks")).stdout()).containsPattern("PowerOnVM +" + sandbox.poweredOffVmName()
        + " +" + sandbox.username() + " .* success ");
    assertThat(govc.run(List.of("events")).stdout())
        .contains("[info] Task: PowerOnVM_Task (target=VirtualMachine " + sandbox.poweredOffVmName() + ")")
        .contains("[info] " + sandbox.poweredOffVmName() + " on 172.16.0.11 in DC0 is powered on");
  }
}
