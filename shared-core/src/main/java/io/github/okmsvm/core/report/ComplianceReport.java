package io.github.okmsvm.core.report;

import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VmState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The encryption compliance of a set of VMs, and whether it passes the gate ({@code maxNonCompliant}). {@code scope}
 * names what was judged in a way that survives vCenter upgrades (its host and the VM folder), for test history.
 */
public record ComplianceReport(Instant generatedAt, String vcenter, String scope, String expectedProvider,
    int maxNonCompliant, List<VmCompliance> vms) {

  public ComplianceReport {
    vms = List.copyOf(vms);
  }

  public static ComplianceReport judge(String vcenter, String scope, String expectedProvider, int maxNonCompliant,
      List<VmState> states) {
    return judge(vcenter, scope, expectedProvider, maxNonCompliant, states, Map.of());
  }

  /** As above, with each key's availability from its KMS as vCenter reported it (keys not in it are not judged). */
  public static ComplianceReport judge(String vcenter, String scope, String expectedProvider, int maxNonCompliant,
      List<VmState> states, Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses) {
    return judge(vcenter, scope, expectedProvider, null, maxNonCompliant, states, keyStatuses);
  }

  /** As above, each VM's vMotion also required to be encrypted at least as {@code encryptedVMotion} asks. */
  public static ComplianceReport judge(String vcenter, String scope, String expectedProvider,
      String encryptedVMotion, int maxNonCompliant, List<VmState> states,
      Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses) {
    return new ComplianceReport(Instant.now(), vcenter, scope, expectedProvider, maxNonCompliant,
        states.stream().map(vm -> VmCompliance.judge(vm, expectedProvider, encryptedVMotion, keyStatuses)).toList());
  }

  public long compliantCount() {
    return vms.stream().filter(VmCompliance::compliant).count();
  }

  public long nonCompliantCount() {
    return vms.size() - compliantCount();
  }

  public boolean passed() {
    return nonCompliantCount() <= maxNonCompliant;
  }

  /** One line: {@code 3 of 4 VMs compliant (1 non-compliant, 0 allowed): FAILED}. */
  public String summary() {
    return compliantCount() + " of " + vms.size() + " VMs compliant (" + nonCompliantCount() + " non-compliant, "
        + maxNonCompliant + " allowed): " + (passed() ? "PASSED" : "FAILED");
  }
}
