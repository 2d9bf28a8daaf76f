package io.github.okmsvm.core.report;

import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VmState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One VM judged: compliant when its home and every disk are encrypted (by the expected provider, when given), every
 * key is available from its KMS (when vCenter could tell), its vMotion is encrypted as asked (when asked), and no run
 * of this tool left it powered off; {@code gaps} say why not, each of the kind of check it fails. {@code protection}
 * is the evidence of its vMotion, Fault Tolerance and vTPM settings.
 */
public record VmCompliance(String name, String id, String powerState, boolean homeEncrypted, String homeProvider,
    List<DiskCompliance> disks, List<VmState.Gap> gaps, VmState.Protection protection) {

  public VmCompliance {
    disks = List.copyOf(disks);
    gaps = List.copyOf(gaps);
  }

  /** Why not compliant, in words. */
  public List<String> reasons() {
    return gaps.stream().map(VmState.Gap::text).toList();
  }

  private static List<VmState.Gap> providerGaps(ProviderEvidence provider, int minCertificateDays, Instant now) {
    List<VmState.Gap> gaps = new ArrayList<>();
    if (!provider.connected()) {
      gaps.add(new VmState.Gap(VmState.GapKind.PROVIDER_NOT_CONNECTED, "key provider " + provider.providerId()
          + " is not connected (status " + provider.status() + "; vCenter trusts the KMS: "
          + (provider.clientTrustServer() ? "yes" : "no") + "; the KMS trusts vCenter: "
          + (provider.serverTrustClient() ? "yes" : "no") + ")"));
    }
    Long days = provider.daysLeft(now);
    if (days != null && days < minCertificateDays) {
      gaps.add(new VmState.Gap(VmState.GapKind.CERTIFICATE_EXPIRING, "vCenter's client certificate for key provider "
          + provider.providerId() + (days < 0 ? " expired on " : " expires on ")
          + provider.clientCertificateNotAfter().toString().substring(0, 10)
          + (days < 0 ? "" : ", in " + days + " days (minCertificateDays: " + minCertificateDays + ")")));
    }
    return gaps;
  }

  /** One disk: encrypted or not, and by which provider. */
  public record DiskCompliance(String label, boolean encrypted, String provider) {}

  /** Each check this VM fails, in the checks' order, with the gaps that fail it. */
  public Map<ComplianceCheck, List<String>> failedChecks() {
    Map<ComplianceCheck, List<String>> failed = new EnumMap<>(ComplianceCheck.class);
    for (VmState.Gap gap : gaps) {
      failed.computeIfAbsent(ComplianceCheck.failedBy(gap.kind()), check -> new ArrayList<>()).add(gap.text());
    }
    return failed;
  }

  public boolean compliant() {
    return gaps.isEmpty();
  }

  static VmCompliance judge(VmState vm, String expectedProvider, String encryptedVMotion,
      Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses) {
    return judge(vm, expectedProvider, encryptedVMotion, keyStatuses, Map.of(), 0, Instant.now());
  }

  /**
   * As above, each key provider of the VM's keys also judged from {@code providers} (those not in it are not): it must
   * be connected, and vCenter's client certificate for it valid for {@code minCertificateDays} more days at
   * {@code now}.
   */
  static VmCompliance judge(VmState vm, String expectedProvider, String encryptedVMotion,
      Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses, Map<String, ProviderEvidence> providers,
      int minCertificateDays, Instant now) {
    List<VmState.Gap> gaps = new ArrayList<>(vm.encryptionGaps(expectedProvider));
    gaps.addAll(vm.unfinishedWork());
    gaps.addAll(vm.vmotionGaps(encryptedVMotion));
    vm.keys().stream().map(VmState.CryptoKey::providerId).distinct().map(providers::get)
        .filter(java.util.Objects::nonNull).forEach(provider -> gaps.addAll(providerGaps(provider,
            minCertificateDays, now)));
    for (VmState.CryptoKey key : vm.keys()) {
      CryptoManager.KeyStatus status = keyStatuses.get(key);
      if (status != null && !status.available()) {
        gaps.add(new VmState.Gap(VmState.GapKind.KEY_NOT_AVAILABLE, "key " + key.keyId() + " of key provider "
            + key.providerId() + " is not available from its KMS (" + status.reason() + ")"));
      }
    }
    List<DiskCompliance> disks = new ArrayList<>();
    for (VmState.Disk disk : vm.disks()) {
      boolean encrypted = disk.cryptoKey() != null;
      disks.add(new DiskCompliance(disk.label(), encrypted, encrypted ? disk.cryptoKey().providerId() : null));
    }
    return new VmCompliance(vm.name(), vm.ref().value(), vm.powerState(), vm.homeKey() != null,
        vm.homeKey() == null ? null : vm.homeKey().providerId(), disks, gaps, vm.protection());
  }
}
