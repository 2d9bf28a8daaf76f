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
    int maxNonCompliant, List<VmCompliance> vms, List<ProviderEvidence> providers) {

  public ComplianceReport {
    vms = List.copyOf(vms);
    providers = List.copyOf(providers);
  }

  /** A report without key provider evidence. */
  public ComplianceReport(Instant generatedAt, String vcenter, String scope, String expectedProvider,
      int maxNonCompliant, List<VmCompliance> vms) {
    this(generatedAt, vcenter, scope, expectedProvider, maxNonCompliant, vms, List.of());
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
    return judge(vcenter, scope, expectedProvider, encryptedVMotion, maxNonCompliant, states, keyStatuses, List.of(),
        0);
  }

  /**
   * As above, with the key providers of the VMs' keys as vCenter reported them: a VM whose provider is not connected,
   * or whose client certificate for it is valid for fewer than {@code minCertificateDays} days, is not compliant.
   */
  public static ComplianceReport judge(String vcenter, String scope, String expectedProvider,
      String encryptedVMotion, int maxNonCompliant, List<VmState> states,
      Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses, List<ProviderEvidence> providers,
      int minCertificateDays) {
    Instant now = Instant.now();
    Map<String, ProviderEvidence> byId = new java.util.LinkedHashMap<>();
    providers.forEach(provider -> byId.put(provider.providerId(), provider));
    return new ComplianceReport(now, vcenter, scope, expectedProvider, maxNonCompliant,
        states.stream().map(vm -> VmCompliance.judge(vm, expectedProvider, encryptedVMotion, keyStatuses, byId,
            minCertificateDays, now)).toList(), providers);
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
