package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Each step run as a pipeline would, in the guide's order, against the sandbox, with Jenkins credentials. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StepsAgainstSandboxTest {
  @TempDir static Path workspace;
  private static PipelineFixture pipeline;

  @BeforeAll
  static void start() {
    pipeline = new PipelineFixture(workspace, "web-01");
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  @Order(1)
  void okmsOrderOrdersOnceAndReturnsTheOkms() throws Exception {
    Map<String, Object> okms = pipeline.run(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class,
        "region", "eu-west-rbx",
        "order", true));

    assertThat(okms).containsKeys("okmsId", "kmipEndpoint", "publicCA").containsEntry("region", "eu-west-rbx")
        .containsEntry("changes", 1L);
    assertThat(pipeline.credentials.tracked).contains("ovh-service-account");
    assertThat(pipeline.run(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class,
        "region", "eu-west-rbx"))).containsEntry("changes",
        0L);
  }

  @Test
  @Order(2)
  void pccOpenKmsFlowRegistersTheKms() throws Exception {
    Map<String, Object> kms = pipeline.run(PccOpenKmsFlowStep.class,
        pipeline.args(PccOpenKmsFlowStep.class, "pccServiceName",
        PipelineFixture.PCC, "region", "eu-west-rbx"));

    assertThat(kms).containsEntry("kmsIp", "127.0.0.1").containsEntry("kmsState", "delivered")
        .containsKey("kmsThumbprint");
  }

  @Test
  @Order(3)
  void vcenterTrustOkmsConnectsTheKeyProvider() throws Exception {
    Map<String, Object> trust = pipeline.run(VcenterTrustOkmsStep.class, pipeline.args(VcenterTrustOkmsStep.class,
        "region", "eu-west-rbx"));

    assertThat(trust).containsEntry("providerName", "okms-eu-west-rbx").containsKey("credentialId");
    assertThat(pipeline.credentials.tracked).contains("vcenter-admin");
  }

  @Test
  @Order(4)
  void ovhIamPolicyGrantsTheRights() throws Exception {
    assertThat(pipeline.run(OvhIamPolicyStep.class, pipeline.args(OvhIamPolicyStep.class,
        "pccServiceName", PipelineFixture.PCC,
        "region", "eu-west-rbx"))).containsKey("iamPolicyId");
  }

  @Test
  @Order(5)
  void vcenterEncryptionPolicyAndVcenterEncryptVmEncrypt() throws Exception {
    assertThat(pipeline.run(VcenterEncryptionPolicyStep.class,
        pipeline.args(VcenterEncryptionPolicyStep.class))).containsKey("storagePolicyId");

    Map<String, Object> encrypted = pipeline.run(VcenterEncryptVmStep.class,
        pipeline.args(VcenterEncryptVmStep.class, "vms",
        List.of("app-*", "db-01"), "allowPowerOff", true, "providerName", "okms-eu-west-rbx"));

    assertThat(encrypted).containsEntry("encryptedVms", "app-01,app-02,db-01");
  }

  @Test
  @Order(6)
  void vcenterEncryptionCompliancePassesAndWritesTheJunitReport() throws Exception {
    Map<String, Object> gate = pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("app-*", "db-01"), "providerName", "okms-eu-west-rbx"));

    assertThat(gate).containsEntry("compliantVms", "3").containsEntry("nonCompliantVms", "0");
    // the real hudson.util.Secret shows its plain text in toString(): no output may carry one
    pipeline.secrets().forEach(secret -> assertThat(gate.toString()).doesNotContain(secret));
    assertThat(Files.readString(workspace.resolve("okms-reports/TEST-okms-compliance.xml")))
        .contains("tests=\"3\"").contains("failures=\"0\"");
  }

  @Test
  @Order(7)
  void theLogShowsEachChangeAndNoSecret() {
    String log = pipeline.listener.text();

    assertThat(log).contains("[okms] 1/1 okmsOrder ...", "[okms]   + order an OKMS in region eu-west-rbx",
        "[okms]   + encrypt VM db-01 (home and 2 disks)");
    pipeline.secrets().forEach(secret -> assertThat(log).doesNotContain(secret));
  }

  @Test
  @Order(8)
  void aRestartedControllerSaysThatRunningAgainConverges() {
    TestStepContext context = pipeline.context();
    OkmsStepExecution execution = new OkmsStepExecution(context, new OkmsOrderStep("eu-west-rbx"));

    execution.onResume();

    assertThat(context.outcome).isCompletedExceptionally();
    assertThatThrownBy(context.outcome::join).hasCauseInstanceOf(hudson.AbortException.class)
        .hasMessageContaining("run the pipeline again; every step converges from where it stopped");
  }

  @Test
  @Order(9)
  void failuresNameTheArgumentAndTheFix() {
    pipeline.credentials.secretText("a-token").usernamePassword("bad-ovh", "nobody", "wrong-secret-value");

    assertThatThrownBy(() -> pipeline.run(VcenterEncryptVmStep.class, pipeline.args(VcenterEncryptVmStep.class,
        "vms", List.of("app-01"),
        "vcenterCredentialsId", "a-token")))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessage("vcenterCredentialsId 'a-token' is a StandardCredentials credential where Username with"
            + " password was expected: give the id of a credential of that kind");
    assertThatThrownBy(() -> pipeline.run(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class,
        "region", "eu-west-rbx",
        "ovhCredentialsId", "missing")))
        .hasMessage("ovhCredentialsId 'missing' names no credentials this build can use: check the id in Manage"
            + " Jenkins > Credentials, and that the credentials are visible to this job");
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("app-*"), "reportDirectory", "../../controller")))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessage("reportDirectory '../../controller' is outside the workspace: give a path relative to the"
            + " workspace");
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("app-*"), "vcenterCaFile", "/etc/passwd")))
        .hasMessage("vcenterCaFile '/etc/passwd' is outside the workspace: give a path relative to the"
            + " workspace");
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptVmStep.class, pipeline.args(VcenterEncryptVmStep.class,
        "vms", List.of("app-99"))))
        .hasMessageStartingWith("vms names 'app-99', and no VM of that name is in vCenter");
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("App-*"))))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessage("vms matches no VM in vCenter: 'App-*' matches nothing (names are case-sensitive): check the"
            + " patterns, or set allowEmptySelection: true when an empty selection is expected");
    assertThatThrownBy(() -> pipeline.run(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class,
        "region", "eu-west-rbx",
        "ovhCredentialsId", "bad-ovh")))
        .isInstanceOf(hudson.AbortException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-value"));
  }

  @Test
  @Order(10)
  void aFailingGateFailsTheStepOrWithMarkUnstableMakesTheBuildUnstable() throws Exception {
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms", List.of("web-01"))))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessage("encryption compliance 0 of 1 VMs compliant (1 non-compliant, 0 allowed): FAILED: web-01 (VM home"
            + " is not encrypted; Hard disk 1 is not encrypted)");

    TestStepContext context = pipeline.context();
    Object gate = StepInvoker.invoke(VcenterEncryptionComplianceStep.class, pipeline.args(
        VcenterEncryptionComplianceStep.class, "vms", List.of("web-01"), "markUnstable", true), context);

    assertThat(gate).isEqualTo(Map.of("compliantVms", "0", "nonCompliantVms", "1", "passed", false));
    assertThat(context.get(hudson.model.Run.class).getResult()).isEqualTo(hudson.model.Result.UNSTABLE);
    assertThat(pipeline.listener.text()).contains("[okms] the gate failed and markUnstable is set: the build is"
        + " UNSTABLE");
    assertThat(workspace.resolve("okms-reports/TEST-okms-compliance.xml")).content().contains("failures=\"1\"");
  }

  @Test
  @Order(11)
  void encryptedVMotionIsSetOnEncryptedVmsAndCheckedByTheGateWithTheVtpmAsEvidence() throws Exception {
    pipeline.sandbox.vcenterServer().addVtpm("app-01");
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms", List.of("app-01"), "encryptedVMotion",
            "required")))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessage("encryption compliance 0 of 1 VMs compliant (1 non-compliant, 0 allowed): FAILED: app-01"
            + " (encrypted vMotion is opportunistic, not required)");

    Map<String, Object> encrypted = pipeline.run(VcenterEncryptVmStep.class,
        pipeline.args(VcenterEncryptVmStep.class, "vms", List.of("app-*"), "encryptedVMotion", "required"));
    Map<String, Object> gate = pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms", List.of("app-*"), "encryptedVMotion",
            "required"));

    assertThat(encrypted).containsEntry("alreadyEncryptedVms", "app-01,app-02").containsEntry("changes", 2L);
    assertThat(pipeline.listener.text()).contains("[okms]   + set encrypted vMotion of VM app-01 to required (it is"
        + " opportunistic)");
    assertThat(gate).containsEntry("compliantVms", "2");
    com.fasterxml.jackson.databind.JsonNode json = io.github.okmsvm.core.common.Json.mapper().readTree(
        workspace.resolve("okms-reports/compliance.json").toFile());
    assertThat(json.at("/vms/0/name").asText()).isEqualTo("app-01");
    assertThat(json.at("/vms/0/encryptedVMotion").asText()).isEqualTo("required");
    assertThat(json.at("/vms/0/encryptedFaultTolerance").asText()).isEqualTo("ftEncryptionOpportunistic");
    assertThat(json.at("/vms/0/vtpm").asBoolean()).isTrue();
    assertThat(json.at("/vms/1/vtpm").asBoolean()).isFalse();
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptVmStep.class, pipeline.args(VcenterEncryptVmStep.class,
        "vms", List.of("app-*"), "encryptedVMotion", "always")))
        .hasMessage("encryptedVMotion 'always' is not an encrypted vMotion setting: give required or opportunistic,"
            + " or leave it out");
  }

  @Test
  @Order(12)
  void aGatePassingAboveUnstableNonCompliantMarksTheBuildUnstable() throws Exception {
    TestStepContext context = pipeline.context();

    Object gate = StepInvoker.invoke(VcenterEncryptionComplianceStep.class, pipeline.args(
        VcenterEncryptionComplianceStep.class, "vms", List.of("db-01", "web-01"), "maxNonCompliant", 1,
        "unstableNonCompliant", 0), context);

    assertThat(gate).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("passed", true).containsEntry("unstable", "true").containsEntry("nonCompliantVms", "1");
    assertThat(context.get(hudson.model.Run.class).getResult()).isEqualTo(hudson.model.Result.UNSTABLE);
    assertThat(pipeline.listener.text()).contains("[okms]   WARNING encryption compliance: 1 non-compliant VMs, more"
        + " than unstableNonCompliant (0): unstable");
    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms", List.of("db-01"), "unstableNonCompliant", 0)))
        .hasMessage("unstableNonCompliant is 0: it must be 0 or more and below maxNonCompliant (0, above which the"
            + " gate fails); lower it, raise maxNonCompliant, or leave it out");
  }

  @Test
  @Order(13)
  void theGateReportsTheKeyProviderAndFailsACertificateExpiringWithinMinCertificateDays() throws Exception {
    pipeline.run(VcenterEncryptionComplianceStep.class, pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("app-*")));
    com.fasterxml.jackson.databind.JsonNode json = io.github.okmsvm.core.common.Json.mapper().readTree(
        workspace.resolve("okms-reports/compliance.json").toFile());
    assertThat(json.at("/keyProviders/0/id").asText()).isEqualTo("okms-eu-west-rbx");
    assertThat(json.at("/keyProviders/0/status").asText()).isEqualTo("green");
    assertThat(json.at("/keyProviders/0/vcenterTrustsKms").asBoolean()).isTrue();
    assertThat(json.at("/keyProviders/0/kmsTrustsVcenter").asBoolean()).isTrue();
    assertThat(json.at("/keyProviders/0/clientCertificateDaysLeft").asLong()).isBetween(360L, 365L);

    assertThatThrownBy(() -> pipeline.run(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms", List.of("app-*"), "minCertificateDays", 365)))
        .isInstanceOf(hudson.AbortException.class)
        .hasMessageStartingWith("encryption compliance 0 of 2 VMs compliant (2 non-compliant, 0 allowed): FAILED:"
            + " app-01 (vCenter's client certificate for key provider okms-eu-west-rbx expires on ")
        .hasMessageContaining("(minCertificateDays: 365)");
  }

  @Test
  @Order(14)
  void vcenterRekeyVmMovesTheVmsToTheOkmsOfAnotherRegionAndThenLeavesThemAlone() throws Exception {
    pipeline.run(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class, "region", "eu-west-gra", "order", true));
    pipeline.run(PccOpenKmsFlowStep.class, pipeline.args(PccOpenKmsFlowStep.class, "pccServiceName",
        PipelineFixture.PCC, "region", "eu-west-gra"));
    pipeline.run(VcenterTrustOkmsStep.class, pipeline.args(VcenterTrustOkmsStep.class, "region", "eu-west-gra",
        "setDefault", false));

    Map<String, Object> planned = pipeline.run(VcenterRekeyVmStep.class, pipeline.args(VcenterRekeyVmStep.class,
        "vms", List.of("app-*"), "region", "eu-west-gra", "plan", true));
    Map<String, Object> moved = pipeline.run(VcenterRekeyVmStep.class, pipeline.args(VcenterRekeyVmStep.class,
        "vms", List.of("app-*"), "region", "eu-west-gra"));
    Map<String, Object> again = pipeline.run(VcenterRekeyVmStep.class, pipeline.args(VcenterRekeyVmStep.class,
        "vms", List.of("app-*"), "region", "eu-west-gra"));

    assertThat(planned).containsEntry("rekeyedVms", "app-01,app-02").containsEntry("changes", 2L);
    assertThat(moved).containsEntry("rekeyedVms", "app-01,app-02").containsEntry("changes", 2L);
    assertThat(again).containsEntry("rekeyedVms", "").containsEntry("unchangedVms", "app-01,app-02")
        .containsEntry("changes", 0L);
    assertThat(pipeline.run(VcenterEncryptionComplianceStep.class, pipeline.args(VcenterEncryptionComplianceStep.class,
        "vms", List.of("app-*"), "providerName", "okms-eu-west-gra"))).containsEntry("passed", true);
  }
}
