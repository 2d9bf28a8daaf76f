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
  void readsOnePageAheadOfTheCallerAndNoMoreWhileItIsBusy() throws Exception {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vms(3500, 1).start();
        VimClient vim = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
            sandbox.vcenterTls(), Duration.ofSeconds(60), line -> { })) {
      VirtualMachines machines = new VirtualMachines(vim);
      List<String> inOrder = machines.list(null, 1000).stream().map(VmState::name).toList();
      long before = vim.callCount("ContinueRetrievePropertiesEx");
      List<Long> askedWhileBusy = new java.util.ArrayList<>();
      List<String> names = new java.util.ArrayList<>();

      machines.each(null, 1000, false, vm -> {
        if (names.size() % 1000 == 0) { // the first VM of a page: dawdle, as a slow caller would
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          askedWhileBusy.add(vim.callCount("ContinueRetrievePropertiesEx") - before);
        }
        names.add(vm.name());
      });

      assertThat(askedWhileBusy).as("pages asked for after the first, seen while the caller was on each page")
          .containsExactly(1L, 2L, 3L, 3L);
      assertThat(names).containsExactlyElementsOf(inOrder);
      assertThat(vim.callCount("ContinueRetrievePropertiesEx") - before).isEqualTo(3);
    }
  }

  @Test
  void aLeanReadGivesEachPageAsItArrivesWithTheSameStateButNoDevices() {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vms(1500, 2).start();
        VimClient vim = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
            sandbox.vcenterTls(), Duration.ofSeconds(60), line -> { })) {
      VirtualMachines machines = new VirtualMachines(vim);
      List<VmState> full = machines.list(null, 1000);
      long before = vim.callCount("ContinueRetrievePropertiesEx");
      List<Long> roundTripsSeen = new java.util.ArrayList<>();
      List<VmState> lean = new java.util.ArrayList<>();

      machines.each(null, 1000, false, vm -> {
        roundTripsSeen.add(vim.callCount("ContinueRetrievePropertiesEx") - before);
        lean.add(vm);
      });

      assertThat(roundTripsSeen).as("the second page asked for as the first arrived, before its first VM")
          .containsOnly(1L);
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
