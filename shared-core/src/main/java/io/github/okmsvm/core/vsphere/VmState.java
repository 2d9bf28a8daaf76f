package io.github.okmsvm.core.vsphere;

import java.util.ArrayList;
import java.util.List;

/**
 * What encryption depends on, as read from one VM: power state, snapshots, the VM home's key ({@code config.keyId}),
 * each disk's key ({@code backing.keyId}), and the marker this tool leaves on a VM it powered off
 * ({@code poweredOffMarker}: when and why, or null).
 */
public record VmState(MoRef ref, String name, String powerState, boolean hasSnapshots, CryptoKey homeKey,
    List<Disk> disks, String poweredOffMarker, String changeVersion, Protection protection) {

  public VmState {
    disks = List.copyOf(disks);
    protection = protection == null ? Protection.UNKNOWN : protection;
  }

  /** A VM whose vMotion, Fault Tolerance and vTPM settings were not read. */
  public VmState(MoRef ref, String name, String powerState, boolean hasSnapshots, CryptoKey homeKey, List<Disk> disks,
      String poweredOffMarker, String changeVersion) {
    this(ref, name, powerState, hasSnapshots, homeKey, disks, poweredOffMarker, changeVersion, Protection.UNKNOWN);
  }

  /**
   * What else protects the VM's data, for the evidence: its encrypted vMotion setting
   * ({@code config.migrateEncryption}: disabled, opportunistic, required), its encrypted Fault Tolerance setting
   * ({@code config.ftEncryptionMode}) and whether it has a virtual TPM; null where vCenter did not say.
   */
  public record Protection(String migrateEncryption, String ftEncryptionMode, boolean vtpm) {
    public static final Protection UNKNOWN = new Protection(null, null, false);

    /** Whether vMotion of the VM is encrypted at least as {@code required} asks (required, or opportunistic). */
    public boolean vmotionAtLeast(String required) {
      return "required".equals(migrateEncryption)
          || "opportunistic".equals(required) && "opportunistic".equals(migrateEncryption);
    }
  }

  /** A key and the key provider holding it. */
  public record CryptoKey(String keyId, String providerId) {
    static CryptoKey from(XmlElement element) {
      if (element == null) {
        return null;
      }
      String keyId = element.childText("keyId");
      return keyId == null ? null : new CryptoKey(keyId, element.path("providerId.id").map(XmlElement::text)
          .orElse(null));
    }
  }

  /** What keeps a VM from being compliant, one kind per check of the gate. */
  public enum GapKind {
    HOME_NOT_ENCRYPTED, DISK_NOT_ENCRYPTED, OTHER_KEY_PROVIDER, LEFT_POWERED_OFF, KEY_NOT_AVAILABLE,
    VMOTION_NOT_ENCRYPTED, PROVIDER_NOT_CONNECTED, CERTIFICATE_EXPIRING
  }

  /** One thing that keeps a VM from being compliant, in words. */
  public record Gap(GapKind kind, String text) {}

  /** A virtual disk: its device key, label, file, key (null when not encrypted) and the device as read. */
  public record Disk(int deviceKey, String label, String fileName, CryptoKey cryptoKey, XmlElement device) {}

  public boolean poweredOn() {
    return "poweredOn".equals(powerState);
  }

  /** The tool powered this VM off and has not yet powered it on again: unfinished work, whatever its keys. */
  public boolean leftPoweredOff() {
    return poweredOffMarker != null;
  }

  /** What the tool still owes this VM (its power state), for the gate; empty when nothing. */
  public List<Gap> unfinishedWork() {
    return poweredOffMarker == null ? List.of() : List.of(new Gap(GapKind.LEFT_POWERED_OFF, "left powered off by"
        + " okms-vm-encryption (" + poweredOffMarker + "): run encrypt-vm again to power it on"));
  }

  /** What keeps the VM's vMotion from being encrypted as {@code required} asks (nothing when it is null). */
  public List<Gap> vmotionGaps(String required) {
    if (required == null || protection.vmotionAtLeast(required)) {
      return List.of();
    }
    return List.of(new Gap(GapKind.VMOTION_NOT_ENCRYPTED, "encrypted vMotion is "
        + (protection.migrateEncryption() == null ? "not reported" : protection.migrateEncryption()) + ", not "
        + required + (required.equals("opportunistic") ? " or required" : "")));
  }

  /** The distinct keys of the home and the disks, home first. */
  public List<CryptoKey> keys() {
    List<CryptoKey> keys = new ArrayList<>();
    if (homeKey != null) {
      keys.add(homeKey);
    }
    disks.stream().map(Disk::cryptoKey).filter(key -> key != null && !keys.contains(key)).forEach(keys::add);
    return keys;
  }

  /** Home and every disk carry a key, whichever provider holds it. */
  public boolean fullyEncrypted() {
    return encryptionGaps(null).isEmpty();
  }

  /**
   * The one rule of "encrypted", used by the steps and the compliance report alike: what keeps this VM from being
   * encrypted, home and every disk, by {@code expectedProvider} (any provider when null); empty when nothing does.
   */
  public List<Gap> encryptionGaps(String expectedProvider) {
    List<Gap> gaps = new ArrayList<>();
    if (homeKey == null) {
      gaps.add(new Gap(GapKind.HOME_NOT_ENCRYPTED, "VM home is not encrypted"));
    } else if (expectedProvider != null && !expectedProvider.equals(homeKey.providerId())) {
      gaps.add(new Gap(GapKind.OTHER_KEY_PROVIDER, "VM home is encrypted by key provider " + homeKey.providerId()
          + ", not " + expectedProvider));
    }
    for (Disk disk : disks) {
      if (disk.cryptoKey() == null) {
        gaps.add(new Gap(GapKind.DISK_NOT_ENCRYPTED, disk.label() + " is not encrypted"));
      } else if (expectedProvider != null && !expectedProvider.equals(disk.cryptoKey().providerId())) {
        gaps.add(new Gap(GapKind.OTHER_KEY_PROVIDER, disk.label() + " is encrypted by key provider "
            + disk.cryptoKey().providerId() + ", not " + expectedProvider));
      }
    }
    return gaps;
  }
}
