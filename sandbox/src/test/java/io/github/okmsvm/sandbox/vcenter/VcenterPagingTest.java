package io.github.okmsvm.sandbox.vcenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VcenterPagingTest {
  @Test
  void readsTwoThousandFiveHundredVmsInThreeRoundTrips() {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vms(2500, 2).start();
        VimClient vim = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
            sandbox.vcenterTls(), Duration.ofSeconds(60), line -> { })) {
      long before = sandbox.vcenterServer().counters().count("RetrievePropertiesEx")
          + sandbox.vcenterServer().counters().count("ContinueRetrievePropertiesEx");

      List<VmState> vms = new VirtualMachines(vim).list(null, 1000);

      long roundTrips = sandbox.vcenterServer().counters().count("RetrievePropertiesEx")
          + sandbox.vcenterServer().counters().count("ContinueRetrievePropertiesEx") - before;
      assertThat(vms).hasSize(2500).extracting(VmState::name).doesNotHaveDuplicates();
      assertThat(vms).allSatisfy(vm -> assertThat(vm.disks()).hasSize(2));
      assertThat(roundTrips).isEqualTo(3);
      assertThat(vim.callCount("ContinueRetrievePropertiesEx")).isEqualTo(2);
    }
  }

  @Test
  void aLeanReadGivesEachPageAsItArrivesWithTheSameStateButNoDevices() {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vms(1500, 2).start();
        VimClient vim = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
            sandbox.vcenterTls(), Duration.ofSeconds(60), line -> { })) {
      VirtualMachines machines = new VirtualMachines(vim);
      List<VmState> full = machines.list(null, 1000);
      List<Long> roundTripsSeen = new java.util.ArrayList<>();
      List<VmState> lean = new java.util.ArrayList<>();

      machines.each(null, 1000, false, vm -> {
        roundTripsSeen.add(vim.callCount("ContinueRetrievePropertiesEx"));
        lean.add(vm);
      });

      assertThat(roundTripsSeen.get(0)).as("the first VM before the second page was asked for")
          .isEqualTo(roundTripsSeen.get(999)).isLessThan(roundTripsSeen.get(1000));
      assertThat(lean).extracting(VmState::name).containsExactlyElementsOf(full.stream().map(VmState::name).toList());
      assertThat(lean).extracting(VmState::keys).containsExactlyElementsOf(full.stream().map(VmState::keys).toList());
      assertThat(lean).extracting(VmState::powerState)
          .containsExactlyElementsOf(full.stream().map(VmState::powerState).toList());
      assertThat(lean).allSatisfy(vm -> {
        assertThat(vm.disks()).hasSize(2).allSatisfy(disk -> assertThat(disk.device()).isNull());
        assertThat(vm.changeVersion()).isNull();
      });
      assertThat(full).allSatisfy(vm -> assertThat(vm.disks()).allSatisfy(disk ->
          assertThat(disk.device()).isNotNull()));
    }
  }
}
