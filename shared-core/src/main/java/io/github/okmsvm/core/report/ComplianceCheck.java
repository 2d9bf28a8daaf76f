package io.github.okmsvm.core.report;

import io.github.okmsvm.core.vsphere.VmState.GapKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks of the gate, each with a rule id that never changes (SARIF rules, GitLab check names, quality gates and
 * suppressions key on it) and the kind of gap that fails it.
 */
public enum ComplianceCheck {
  HOME_ENCRYPTED("VM-ENC-001", "vm-home-encrypted", GapKind.HOME_NOT_ENCRYPTED,
      "The VM home (configuration, swap, logs) is encrypted.",
      "Encrypt the VM with okms:encrypt-vm (Jenkins: vcenterEncryptVm); it must be powered off, or allowPowerOff set."),
  DISKS_ENCRYPTED("VM-ENC-002", "vm-disks-encrypted", GapKind.DISK_NOT_ENCRYPTED,
      "Every virtual disk of the VM is encrypted.",
      "Encrypt the VM with okms:encrypt-vm: it encrypts the home and every disk with the encryption storage policy."),
  KEY_PROVIDER("VM-ENC-003", "vm-expected-key-provider", GapKind.OTHER_KEY_PROVIDER,
      "The VM home and disks are encrypted with keys of the expected key provider.",
      "Move the VM to the expected provider by a shallow re-key, or give the provider it uses as providerName."),
  NOT_LEFT_POWERED_OFF("VM-ENC-004", "vm-not-left-powered-off", GapKind.LEFT_POWERED_OFF,
      "No run of okms-vm-encryption left the VM powered off.",
      "Run okms:encrypt-vm (Jenkins: vcenterEncryptVm) again: it powers the VM on and removes the mark."),
  KEY_AVAILABLE("VM-ENC-005", "vm-key-available-in-kms", GapKind.KEY_NOT_AVAILABLE,
      "Every key of the VM is available from its key provider's KMS, as vCenter's QueryCryptoKeyStatus reports it.",
      "Restore or reactivate the key in OKMS, or reconnect the key provider (vcenterTrustOkms); until then the VM"
          + " cannot power on once its host restarts."),
  VMOTION_ENCRYPTED("VM-ENC-006", "vm-vmotion-encrypted", GapKind.VMOTION_NOT_ENCRYPTED,
      "The VM's vMotion is encrypted at least as encryptedVMotion asks (checked only when it is set).",
      "Run okms:encrypt-vm (Jenkins: vcenterEncryptVm) with the same encryptedVMotion: it sets the VM's encrypted"
          + " vMotion."),
  PROVIDER_CONNECTED("VM-ENC-007", "vm-key-provider-connected", GapKind.PROVIDER_NOT_CONNECTED,
      "The key provider of the VM's keys is connected to its KMS and trusted both ways, as vCenter reports it.",
      "Reconnect the key provider: okms:trust (Jenkins: vcenterTrustOkms), and check the PCC's KMS flow"
          + " (okms:open-kms-flow, pccOpenKmsFlow) and the IAM policy (okms:iam-policy, ovhIamPolicy)."),
  CERTIFICATE_VALID("VM-ENC-008", "vm-key-provider-certificate-valid", GapKind.CERTIFICATE_EXPIRING,
      "vCenter's client certificate for the VM's key provider is valid for at least minCertificateDays more days.",
      "Renew it: okms:trust (Jenkins: vcenterTrustOkms) renews it renewBeforeDays before it expires; run it on a"
          + " schedule.");

  private final String id;
  private final String slug;
  private final GapKind gap;
  private final String description;
  private final String fix;

  ComplianceCheck(String id, String slug, GapKind gap, String description, String fix) {
    this.id = id;
    this.slug = slug;
    this.gap = gap;
    this.description = description;
    this.fix = fix;
  }

  public String id() {
    return id;
  }

  /** A readable name, such as {@code vm-home-encrypted}. */
  public String slug() {
    return slug;
  }

  public String description() {
    return description;
  }

  public String fix() {
    return fix;
  }

  /** The check a gap fails. */
  public static ComplianceCheck failedBy(GapKind kind) {
    for (ComplianceCheck check : values()) {
      if (check.gap == kind) {
        return check;
      }
    }
    throw new IllegalArgumentException("no check for " + kind);
  }

  /**
   * The same for a VM and a check in every run, so that CI servers follow one finding across builds: the scope (vCenter
   * host and folder), the VM's managed object id, the rule id, hashed.
   */
  static String fingerprint(String scope, VmCompliance vm, ComplianceCheck check) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((scope + "\n" + vm.id() + "\n"
          + check.id).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
