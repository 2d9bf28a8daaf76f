package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.PccApi;
import io.github.okmsvm.core.tls.CapturedChain;
import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.OkmsOrderTask;
import io.github.okmsvm.core.report.ComplianceCheck;
import io.github.okmsvm.core.report.ReportFormat;
import io.github.okmsvm.core.report.ReportWriters;
import io.github.okmsvm.core.report.VmCompliance;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.steps.VcenterEncryptionComplianceTask;
import io.github.okmsvm.core.steps.VcenterTrustOkmsTask;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vCenter gets every VM key from the OKMS with the credential the flow signed, so what OKMS allows that credential is
 * what encryption can do: the keys are KMIP objects of the OKMS, and without the IAM policy or with the credential
 * deleted, encryption fails with OKMS's reason, the VM stays clear, and the message names the step that repairs it.
 * vCenter reaches the KMS only through the PCC's firewall, which the KMS flow opens.
 */
class KeyProviderAccessIT {
  @Test
  void everyEncryptedVmsKeyIsAKmipObjectOfTheOkms() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<StepResult> run = flow.run(flow.settings().build());
      String okmsId = run.get(0).outputs().get("okmsId");

      List<String> keys = List.of("app-01", "app-02", "db-01").stream().map(name -> flow.vm(name).homeKey().keyId())
          .toList();
      assertThat(keys).doesNotHaveDuplicates().allSatisfy(key ->
          assertThat(flow.sandbox.kmipObjects(okmsId).contains(key)).as(key).isTrue());
      VmState db = flow.vm("db-01");
      assertThat(db.disks()).hasSize(2).allSatisfy(disk -> assertThat(disk.cryptoKey()).isEqualTo(db.homeKey()));
      try (OvhApi ovh = flow.ovh()) {
        assertThat(new OkmsApi(ovh).resource(okmsId, false).kmipObjectCount()).isEqualTo(3);
      }
    }
  }

  /**
   * An OKMS that also answers the nullable {@code kmipRsaEndpoint} / {@code publicRsaCA} pair (a second, live listener
   * with another CA): the flow still gives vCenter and the PCC firewall the {@code kmipEndpoint} and its thumbprint,
   * as OVHcloud's vSphere guide does, and encrypts through it.
   */
  @Test
  void anOkmsWithAnRsaEndpointTooIsStillReachedThroughItsKmipEndpoint() {
    try (FlowHarness flow = FlowHarness.start()) {
      flow.sandbox.serveRsaKmipEndpoints();
      List<StepResult> run = flow.run(flow.settings().build());
      String okmsId = run.get(0).outputs().get("okmsId");

      try (OvhApi ovh = flow.ovh()) {
        OkmsApi.Resource okms = new OkmsApi(ovh).resource(okmsId, true);
        assertThat(okms.kmipRsaEndpoint()).isNotNull().isNotEqualTo(okms.kmipEndpoint());
        assertThat(okms.publicRsaCA()).startsWith("-----BEGIN CERTIFICATE-----").isNotEqualTo(okms.publicCA());
        TlsEndpoint main = TlsEndpoint.parse(okms.kmipEndpoint(), TlsEndpoint.KMIP_PORT, "kmipEndpoint");
        TlsEndpoint rsa = TlsEndpoint.parse(okms.kmipRsaEndpoint(), TlsEndpoint.KMIP_PORT, "kmipRsaEndpoint");
        CapturedChain rsaChain = ChainCapture.capture(new TlsEndpoint("127.0.0.1", rsa.port()),
            Duration.ofSeconds(10));
        ChainVerifier.verify(rsaChain.chain(), okms.publicRsaCA(), "publicRsaCA");
        String thumbprint = ChainCapture.capture(new TlsEndpoint("127.0.0.1", main.port()), Duration.ofSeconds(10))
            .thumbprint().sha1();
        PccApi pcc = new PccApi(ovh);
        List<PccApi.Kms> entries = pcc.kmsIds(FlowHarness.PCC).stream().map(id -> pcc.kms(FlowHarness.PCC, id))
            .toList();
        assertThat(entries).singleElement().satisfies(kms ->
            assertThat(kms.sslThumbprint()).isEqualTo(thumbprint).isNotEqualTo(rsaChain.thumbprint().sha1()));
      }
      assertThat(List.of("app-01", "app-02", "db-01")).allSatisfy(name ->
          assertThat(flow.vm(name).fullyEncrypted()).as(name).isTrue());
    }
  }

  @Test
  void withoutTheIamPolicyTheCredentialOfAUserIdentityMakesNoKeyAndTheMessageNamesTheFix() {
    try (FlowHarness flow = FlowHarness.start()) {
      String nichandle = flow.sandbox.accountUrn().substring(flow.sandbox.accountUrn().lastIndexOf(':') + 1);
      String user = "urn:v1:eu:identity:user:" + nichandle + "/vcenter";
      List<StepResult> first = flow.run(flow.settings().identityUrns(List.of(user)).vms(List.of("app-01")).build());
      assertThat(flow.vm("app-01").fullyEncrypted()).isTrue();
      try (OvhApi ovh = flow.ovh()) {
        new IamApi(ovh).delete(first.get(first.size() - 1).outputs().get("iamPolicyId"));
      }

      assertThatThrownBy(() -> flow.run(EncryptionFlow.steps(false), flow.settings().identityUrns(List.of(user))
          .vms(List.of("app-02")).build()))
          .hasMessageContaining("1 of 1 VMs not encrypted: app-02: ")
          .hasMessageContaining("PermissionDenied (no IAM policy allows okms:kmip:create to " + user)
          .hasMessageContaining("run ovhIamPolicy with identityUrns naming the credential's identities and"
              + " iamActions including okms:kmip:*");
      assertThat(flow.vm("app-02").homeKey()).isNull();

      flow.run(flow.settings().identityUrns(List.of(user)).vms(List.of("app-02")).build());
      assertThat(flow.vm("app-02").fullyEncrypted()).as("the policy is back, and so is encryption").isTrue();
    }
  }

  @Test
  void withItsCredentialDeletedVcenterMakesNoKeyAndTheMessageNamesTheFix() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<StepResult> first = flow.run(flow.settings().vms(List.of("app-01")).build());
      String okmsId = first.get(0).outputs().get("okmsId");
      try (OvhApi ovh = flow.ovh()) {
        new OkmsApi(ovh).deleteCredential(okmsId, first.get(first.size() - 1).outputs().get("credentialId"));
      }

      assertThatThrownBy(() -> flow.run(EncryptionFlow.steps(false), flow.settings().vms(List.of("app-02")).build()))
          .hasMessageContaining("1 of 1 VMs not encrypted: app-02: ")
          .hasMessageContaining("was deleted from OKMS " + okmsId)
          .hasMessageContaining("run vcenterTrustOkms again to sign a new one for vCenter");
      assertThat(flow.vm("app-02").homeKey()).isNull();

      flow.run(flow.settings().vms(List.of("app-02")).build());
      assertThat(flow.vm("app-02").fullyEncrypted()).as("a new credential, and encryption works again").isTrue();
    }
  }

  @Test
  void withoutThePccsKmsEntryVcenterCannotReachTheKmsAndTheMessageNamesTheFix() {
    try (FlowHarness flow = FlowHarness.start()) {
      assertThatThrownBy(() -> flow.run(List.of(new OkmsOrderTask(), new VcenterTrustOkmsTask()),
          flow.settings().build()))
          .hasMessageContaining("vCenter cannot reach the KMS at ")
          .hasMessageContaining("the firewall of " + FlowHarness.PCC + " drops traffic to 127.0.0.1:")
          .hasMessageContaining("run pccOpenKmsFlow first");
      try (VimClient vim = flow.vim()) {
        assertThat(new CryptoManager(vim).retrieveClientCert("okms-eu-west-rbx")).as("nothing trusted yet")
            .isNullOrEmpty();
      }

      flow.run(flow.settings().build());
      assertThat(flow.vm("app-01").fullyEncrypted()).as("with the KMS flow open, all goes through").isTrue();
    }
  }

  @Test
  void theGateFailsAVmWhoseKeyTheKmsNoLongerHas(@TempDir Path reports) throws Exception {
    try (FlowHarness flow = FlowHarness.start()) {
      EncryptionSettings settings = flow.settings().build();
      List<StepResult> run = flow.run(settings);
      String missing = flow.vm("app-01").homeKey().keyId();
      flow.sandbox.kmipObjects(run.get(0).outputs().get("okmsId")).remove(missing);
      VcenterEncryptionComplianceTask gate = new VcenterEncryptionComplianceTask(null);

      assertThatThrownBy(() -> flow.run(List.of(gate), settings))
          .hasMessageContaining("2 of 3 VMs compliant (1 non-compliant, 0 allowed): FAILED")
          .hasMessageContaining("app-01 (key " + missing + " of key provider okms-eu-west-rbx is not available from"
              + " its KMS (KeyStateMissingInKMS))");
      VmCompliance app01 = gate.report().vms().stream().filter(vm -> vm.name().equals("app-01")).findFirst()
          .orElseThrow();
      assertThat(app01.failedChecks()).containsOnlyKeys(ComplianceCheck.KEY_AVAILABLE);
      ReportWriters.write(gate.report(), reports, Set.of(ReportFormat.SARIF));
      assertThat(Files.readString(reports.resolve("compliance.sarif"))).contains("\"ruleId\" : \"VM-ENC-005\"");
    }
  }
}
