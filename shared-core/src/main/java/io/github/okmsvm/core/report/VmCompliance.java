package io.github.okmsvm.core.report;

import io.github.okmsvm.core.vsphere.VmState;
import java.util.ArrayList;
import java.util.List;

/** One VM judged: compliant when its home and every disk are encrypted (by the expected provider, when given). */
public record VmCompliance(String name, String id, String powerState, boolean homeEncrypted, String homeProvider,
    List<DiskCompliance> disks, List<String> reasons) {

  public VmCompliance {
    disks = List.copyOf(disks);
    reasons = List.copyOf(reasons);
  }

  /** One disk: encrypted or not, and by which provider. */
  public record DiskCompliance(String label, boolean encrypted, String provider) {}

  public boolean compliant() {
    return reasons.isEmpty();
  }

  static VmCompliance judge(VmState vm, String expectedProvider) {
    List<String> reasons = new ArrayList<>(vm.encryptionGaps(expectedProvider));
    reasons.addAll(vm.unfinishedWork());
    List<DiskCompliance> disks = new ArrayList<>();
    for (VmState.Disk disk : vm.disks()) {
      boolean encrypted = disk.cryptoKey() != null;
      disks.add(new DiskCompliance(disk.label(), encrypted, encrypted ? disk.cryptoKey().providerId() : null));
    }
    return new VmCompliance(vm.name(), vm.ref().value(), vm.powerState(), vm.homeKey() != null,
        vm.homeKey() == null ? null : vm.homeKey().providerId(), disks, reasons);
  }
}
