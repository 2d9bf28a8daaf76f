package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.ALLOW_EMPTY_SELECTION;
import static io.github.okmsvm.core.config.SettingNames.ENCRYPTED_VMOTION;
import static io.github.okmsvm.core.config.SettingNames.MAX_NON_COMPLIANT;
import static io.github.okmsvm.core.config.SettingNames.MIN_CERTIFICATE_DAYS;
import static io.github.okmsvm.core.config.SettingNames.PROVIDER_NAME;
import static io.github.okmsvm.core.config.SettingNames.REPORT_DIRECTORY;
import static io.github.okmsvm.core.config.SettingNames.REPORT_FORMATS;
import static io.github.okmsvm.core.config.SettingNames.UNSTABLE_NON_COMPLIANT;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_API;
import static io.github.okmsvm.core.config.SettingNames.VMS;
import static io.github.okmsvm.core.config.SettingNames.VM_FOLDER;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.report.ComplianceReport;
import io.github.okmsvm.core.report.ProviderEvidence;
import io.github.okmsvm.core.report.ReportFormat;
import io.github.okmsvm.core.report.ReportWriters;
import io.github.okmsvm.core.report.VmCompliance;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VmState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compliance gate: reads every selected VM in pages (never one call per VM), judges the home and every disk
 * encrypted (by the expected key provider when known), writes the reports, and fails when more VMs than
 * {@code maxNonCompliant} are not compliant. Makes no change.
 */
public final class VcenterEncryptionComplianceTask implements GuideStep {
  private final Path reportDirectory;
  private volatile ComplianceReport report;

  /** {@code reportDirectory}: where the reports (in the {@code reportFormats} chosen) go; null for none. */
  public VcenterEncryptionComplianceTask(Path reportDirectory) {
    this.reportDirectory = reportDirectory;
  }

  @Override
  public String name() {
    return "vcenterEncryptionCompliance";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(VMS, VM_FOLDER, ALLOW_EMPTY_SELECTION, PROVIDER_NAME, MAX_NON_COMPLIANT,
        UNSTABLE_NON_COMPLIANT, MIN_CERTIFICATE_DAYS, ENCRYPTED_VMOTION, REPORT_DIRECTORY, REPORT_FORMATS),
        VCENTER_API);
  }

  /** The report of the last run. */
  public ComplianceReport report() {
    return report;
  }

  @Override
  public void validate(EncryptionSettings settings) {
    Checks.all(settings::validateVcenter, settings::validateVms, () -> ReportFormat.parse(settings.reportFormats),
        () -> {
      if (reportDirectory != null) {
        ReportWriters.checkWritable(reportDirectory);
      }
    });
  }

  @Override
  public String run(StepContext context) {
    String expectedProvider = context.output(Outputs.PROVIDER_NAME).orElse(context.settings().providerName);
    String scope = context.vcenter().host() + (context.settings().vmFolder == null ? ""
        : "/" + context.settings().vmFolder);
    CryptoManager crypto = new CryptoManager(context.vcenter());
    // vCenter's key providers do not depend on the VMs: read while they are swept
    ReadAhead<List<CryptoManager.KeyProvider>> known = ReadAhead.start("key-providers", crypto::listKmipServers);
    List<VmState> vms = context.vmsToJudge();
    report = ComplianceReport.judge(context.vcenter().serviceContent().fullName(), scope, expectedProvider,
        context.settings().encryptedVMotion, context.settings().maxNonCompliant, vms, keyStatuses(context, vms),
        providers(context, crypto, known.get(), vms), context.settings().minCertificateDays);
    if (reportDirectory != null) {
      ReportWriters.write(report, reportDirectory, ReportFormat.parse(context.settings().reportFormats));
    }
    printTable(context, report);
    context.put(Outputs.COMPLIANT_VMS, Long.toString(report.compliantCount()));
    context.put(Outputs.NON_COMPLIANT_VMS, Long.toString(report.nonCompliantCount()));
    if (!report.passed()) {
      throw new GateFailure("encryption compliance " + report.summary() + ": "
          + report.vms().stream().filter(vm -> !vm.compliant()).map(vm -> vm.name() + " (" + String.join("; ",
              vm.reasons()) + ")").reduce((a, b) -> a + ", " + b).orElse(""),
          Map.of(Outputs.COMPLIANT_VMS, Long.toString(report.compliantCount()), Outputs.NON_COMPLIANT_VMS,
              Long.toString(report.nonCompliantCount())));
    }
    Integer unstable = context.settings().unstableNonCompliant;
    if (unstable != null && report.nonCompliantCount() > unstable) {
      context.put(Outputs.UNSTABLE, "true");
      context.warn("encryption compliance: " + report.nonCompliantCount() + " non-compliant VMs, more than"
          + " unstableNonCompliant (" + unstable + "): unstable");
      return report.summary() + ", unstable";
    }
    return report.summary();
  }

  /**
   * Each key's availability from its KMS, asked of vCenter once for all the VMs' distinct keys. A vCenter that cannot
   * tell (no QueryCryptoKeyStatus before 6.7 U2) leaves keys unjudged, with a warning, rather than failing the gate.
   */
  private static Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses(StepContext context,
      List<VmState> vms) {
    Set<VmState.CryptoKey> keys = new LinkedHashSet<>();
    vms.forEach(vm -> keys.addAll(vm.keys()));
    try {
      return new CryptoManager(context.vcenter()).queryCryptoKeyStatus(keys);
    } catch (VimFault e) {
      context.warn("key availability not checked: vCenter answered " + e.getMessage());
      return Map.of();
    }
  }

  /**
   * Each key provider of the VMs' keys as vCenter reports it now: its status and trust (it connects to the KMS to
   * tell) and when its client certificate expires. A provider vCenter does not know is left out (its VMs' keys are
   * judged unavailable already).
   */
  private static List<ProviderEvidence> providers(StepContext context, CryptoManager crypto,
      List<CryptoManager.KeyProvider> listed, List<VmState> vms) {
    List<ProviderEvidence> providers = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    listed.forEach(provider -> known.add(provider.id()));
    for (String id : vms.stream().flatMap(vm -> vm.keys().stream()).map(VmState.CryptoKey::providerId)
        .filter(known::contains).distinct().toList()) {
      CryptoManager.ProviderStatus status = crypto.retrieveStatus(id, context.settings().timeout,
          context.waiting("key provider " + id + " status"));
      String certificate = crypto.retrieveClientCert(id);
      providers.add(new ProviderEvidence(id, status.overallStatus(),
          status.servers().stream().allMatch(CryptoManager.ServerStatus::clientTrustServer),
          status.servers().stream().allMatch(CryptoManager.ServerStatus::serverTrustClient),
          certificate == null || certificate.isBlank() ? null
              : Pem.certificate(certificate, "the client certificate").getNotAfter().toInstant()));
    }
    return providers;
  }

  /** The table and where the reports are, whatever the outcome: a failing gate needs them most. */
  private void printTable(StepContext context, ComplianceReport report) {
    context.info("| VM | compliant | home | disks encrypted |");
    for (VmCompliance vm : report.vms()) {
      context.info("| " + vm.name() + " | " + (vm.compliant() ? "yes" : "NO") + " | "
          + (vm.homeEncrypted() ? "encrypted" : "clear") + " | "
          + vm.disks().stream().filter(VmCompliance.DiskCompliance::encrypted).count() + "/" + vm.disks().size()
          + " |");
    }
    context.info(report.summary() + (reportDirectory == null ? "" : "; reports in " + reportDirectory));
  }
}
