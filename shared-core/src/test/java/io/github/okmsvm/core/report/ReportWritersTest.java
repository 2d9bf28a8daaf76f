package io.github.okmsvm.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.SoapCodec;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.vsphere.VmState.CryptoKey;
import io.github.okmsvm.core.vsphere.VmState.Disk;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mixed inventory judged right in every format. */
class ReportWritersTest {
  private static final CryptoKey OKMS = new CryptoKey("k", "okms-eu-west-rbx");
  private static final CryptoKey OTHER = new CryptoKey("k", "native-kp");

  @TempDir Path dir;

  private static VmState vm(String name, CryptoKey home, CryptoKey... disks) {
    List<Disk> list = new java.util.ArrayList<>();
    for (int i = 0; i < disks.length; i++) {
      list.add(new Disk(2000 + i, "Hard disk " + (i + 1), "[ds] " + name + ".vmdk", disks[i], null));
    }
    return new VmState(new MoRef("VirtualMachine", "vm-" + name), name, "poweredOff", false, home, list, null, null);
  }

  private static ComplianceReport mixed() {
    return ComplianceReport.judge("VMware vCenter Server 8.0.3 build-24022515", "vcenter.example/DC0/vm/prod",
        "okms-eu-west-rbx", 0, List.of(
        vm("encrypted", OKMS, OKMS, OKMS),
        vm("home-only", OKMS, (CryptoKey) null),
        vm("one-disk-missing", OKMS, OKMS, null),
        vm("unencrypted", null, (CryptoKey) null),
        vm("other-provider", OTHER, OTHER)));
  }

  @Test
  void judgesEachVm() {
    ComplianceReport report = mixed();

    assertThat(report.vms()).extracting(vm -> vm.name() + ": " + vm.reasons()).containsExactly(
        "encrypted: []",
        "home-only: [Hard disk 1 is not encrypted]",
        "one-disk-missing: [Hard disk 2 is not encrypted]",
        "unencrypted: [VM home is not encrypted, Hard disk 1 is not encrypted]",
        "other-provider: [VM home is encrypted by key provider native-kp, not okms-eu-west-rbx, Hard disk 1 is"
            + " encrypted by key provider native-kp, not okms-eu-west-rbx]");
    assertThat(report.summary()).isEqualTo("1 of 5 VMs compliant (4 non-compliant, 0 allowed): FAILED");
  }

  @Test
  void writesTheSameVerdictInJsonJunitMarkdownAndHtml() throws Exception {
    List<Path> files = ReportWriters.writeAll(mixed(), dir);

    assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("compliance.json",
        "TEST-okms-compliance.xml", "compliance.md", "compliance.html", "compliance.sarif",
        "gl-code-quality-report.json");

    JsonNode json = Json.mapper().readTree(dir.resolve("compliance.json").toFile());
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("nonCompliant").asInt()).isEqualTo(4);
    assertThat(json.get("vms").get(2).get("name").asText()).isEqualTo("one-disk-missing");
    assertThat(json.get("vms").get(2).get("disks").get(1).get("encrypted").asBoolean()).isFalse();

    XmlElement suite = SoapCodec.parse(Files.readAllBytes(dir.resolve("TEST-okms-compliance.xml")));
    assertThat(suite.attributes()).containsEntry("tests", "5").containsEntry("failures", "4");
    assertThat(suite.children("testcase")).extracting(c -> c.attributes().get("classname")).as("stable across"
        + " vCenter upgrades").containsOnly("okms.compliance.vcenter_example_DC0_vm_prod");
    assertThat(suite.children("testcase")).extracting(c -> c.attributes().get("name") + "="
        + c.child("failure").map(f -> f.attributes().get("message")).orElse("pass")).containsExactly(
        "encrypted=pass",
        "home-only=home-only is not compliant: Hard disk 1 is not encrypted",
        "one-disk-missing=one-disk-missing is not compliant: Hard disk 2 is not encrypted",
        "unencrypted=unencrypted is not compliant: VM home is not encrypted; Hard disk 1 is not encrypted",
        "other-provider=other-provider is not compliant: VM home is encrypted by key provider native-kp, not"
            + " okms-eu-west-rbx; Hard disk 1 is encrypted by key provider native-kp, not okms-eu-west-rbx");

    String markdown = Files.readString(dir.resolve("compliance.md"));
    assertThat(markdown).contains("| encrypted | yes | encrypted | 2/2 encrypted |  |")
        .contains("| home-only | **no** | encrypted | 0/1 encrypted | Hard disk 1 is not encrypted |")
        .contains("| one-disk-missing | **no** | encrypted | 1/2 encrypted | Hard disk 2 is not encrypted |")
        .contains("| unencrypted | **no** | clear | 0/1 encrypted |");

    String html = Files.readString(dir.resolve("compliance.html"), StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http:")
        .doesNotContain("https:").doesNotContain("url(").doesNotContain(" src=")
        .contains("<title>VM encryption compliance: FAILED</title>")
        .contains("<dt>vCenter</dt><dd>VMware vCenter Server 8.0.3 build-24022515</dd>")
        .contains("<dt>Key provider</dt><dd>okms-eu-west-rbx</dd>")
        .contains("1 of 5 VMs compliant (4 non-compliant, 0 allowed): FAILED")
        .contains("<h2 id=\"failing\">Not compliant (4)</h2>").contains("<h2 id=\"compliant\">Compliant (1)</h2>")
        .contains("<li>Hard disk 2: not encrypted</li>").contains("<li>Hard disk 2 is not encrypted</li>");
    assertThat(html.indexOf("<td>home-only</td>")).as("failing VMs come first").isLessThan(html.indexOf(
        "<td>encrypted</td>"));
    assertThat(html).containsSubsequence("<td>home-only</td>", "<td>one-disk-missing</td>", "<td>other-provider</td>",
        "<td>unencrypted</td>", "<td>encrypted</td>");
  }

  @Test
  void sarifHasOneStableRulePerCheckAndOneResultPerFailingVmAndCheck() throws Exception {
    JsonNode sarif = Json.mapper().readTree(ReportWriters.write(mixed(), dir, EnumSet.of(ReportFormat.SARIF)).get(0)
        .toFile());

    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("okms-vm-encryption");
    assertThat(run.at("/tool/driver/rules")).extracting(rule -> rule.get("id").asText())
        .containsExactly("VM-ENC-001", "VM-ENC-002", "VM-ENC-003", "VM-ENC-004", "VM-ENC-005", "VM-ENC-006",
            "VM-ENC-007", "VM-ENC-008");
    assertThat(run.get("results")).extracting(result -> result.get("ruleId").asText() + " "
        + result.at("/message/text").asText()).containsExactly(
        "VM-ENC-002 home-only: Hard disk 1 is not encrypted.",
        "VM-ENC-002 one-disk-missing: Hard disk 2 is not encrypted.",
        "VM-ENC-001 unencrypted: VM home is not encrypted.",
        "VM-ENC-002 unencrypted: Hard disk 1 is not encrypted.",
        "VM-ENC-003 other-provider: VM home is encrypted by key provider native-kp, not okms-eu-west-rbx; Hard disk 1"
            + " is encrypted by key provider native-kp, not okms-eu-west-rbx.");
    assertThat(run.get("results")).allSatisfy(result -> {
      assertThat(result.get("level").asText()).isEqualTo("error");
      assertThat(result.has("kind")).as("no passes among results").isFalse();
      assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
          .startsWith("vcenter.example/DC0/vm/prod/");
    });
    assertThat(run.at("/properties/compliant")).extracting(JsonNode::asText).containsExactly("encrypted");
    assertThat(run.at("/properties/passed").asBoolean()).isFalse();

    JsonNode again = Json.mapper().readTree(sarifOf(mixed()));
    assertThat(fingerprints(again)).as("fingerprints survive a new run").isEqualTo(fingerprints(sarif));
    assertThat(run.get("results")).extracting(result -> result.at("/partialFingerprints/okmsVmCheck~1v1").asText())
        .doesNotHaveDuplicates().allSatisfy(fingerprint -> assertThat(fingerprint).hasSize(64));
  }

  @Test
  void gitlabCodeQualityHasOneIssuePerFailingVmAndCheckWithTheSarifFingerprints() throws Exception {
    JsonNode issues = Json.mapper().readTree(ReportWriters.write(mixed(), dir, EnumSet.of(ReportFormat.GITLAB))
        .get(0).toFile());
    JsonNode sarif = Json.mapper().readTree(sarifOf(mixed()));

    assertThat(issues).hasSize(5);
    assertThat(issues.get(0).get("check_name").asText()).isEqualTo("VM-ENC-002 vm-disks-encrypted");
    assertThat(issues.get(0).get("description").asText()).isEqualTo("home-only: Hard disk 1 is not encrypted");
    assertThat(issues.get(0).get("severity").asText()).isEqualTo("critical");
    assertThat(issues.get(0).at("/location/path").asText()).isEqualTo("vcenter.example/DC0/vm/prod/home-only");
    assertThat(issues.get(0).at("/location/lines/begin").asInt()).isEqualTo(1);
    for (int i = 0; i < issues.size(); i++) {
      assertThat(issues.get(i).get("fingerprint").asText())
          .isEqualTo(sarif.at("/runs/0/results/" + i + "/partialFingerprints/okmsVmCheck~1v1").asText());
    }
  }

  @Test
  void formatsAreChosenByNameAndAWrongNameSaysWhichExist() {
    assertThat(ReportFormat.parse(List.of())).hasSize(6);
    assertThat(ReportFormat.parse(List.of("SARIF", " junit "))).containsExactly(ReportFormat.JUNIT,
        ReportFormat.SARIF);
    assertThat(ReportFormat.parse(List.of("sarif", "all"))).hasSize(6);
    assertThatThrownBy(() -> ReportFormat.parse(List.of("xml"))).isInstanceOf(ConfigurationException.class)
        .hasMessage("reportFormats 'xml' is not a report format: give json, junit, markdown, html, sarif, gitlab, or"
            + " all");
  }

  private static List<String> fingerprints(JsonNode sarif) {
    List<String> all = new java.util.ArrayList<>();
    sarif.at("/runs/0/results").forEach(result -> all.add(result.at("/partialFingerprints").toString()));
    return all;
  }

  private static String sarifOf(ComplianceReport report) throws Exception {
    Path other = Files.createTempDirectory("sarif");
    return Files.readString(ReportWriters.write(report, other, EnumSet.of(ReportFormat.SARIF)).get(0));
  }

  @Test
  void tellsWhenTheReportWasMadeInWords() {
    ComplianceReport report = new ComplianceReport(java.time.Instant.parse("2026-12-04T04:10:55.308Z"), "vc", "vc",
        null, 0, List.of());

    assertThat(ReportWriters.html(report)).contains("<dt>Judged on</dt><dd>Friday 4 December 2026, 04:10 UTC</dd>")
        .contains("<dt>Key provider</dt><dd>any (none expected)</dd>").contains("Every VM is compliant.");
  }

  @Test
  void escapesNamesInEveryFormat() {
    ComplianceReport report = ComplianceReport.judge("vc", "vc", null, 0, List.of(vm("a<b>|c&\"d", null)));

    assertThat(ReportWriters.html(report)).contains("a&lt;b&gt;|c&amp;&quot;d");
    assertThat(ReportWriters.markdown(report)).contains("a<b>\\|c&\"d");
    assertThat(SoapCodec.parse(ReportWriters.junit(report).getBytes(StandardCharsets.UTF_8)).child("testcase")
        .orElseThrow().attributes().get("name")).isEqualTo("a<b>|c&\"d");
  }

  /**
   * The key provider as evidence: a VM of a disconnected provider, and one whose provider's client certificate expires
   * too soon, fail VM-ENC-007 and VM-ENC-008 in every format; the JSON report holds each provider's facts.
   */
  @Test
  void aDisconnectedProviderOrAnExpiringCertificateFailsItsVmsInEveryFormat() throws Exception {
    java.time.Instant soon = java.time.Instant.now().plus(java.time.Duration.ofDays(10)).plusSeconds(3600);
    ProviderEvidence expiring = new ProviderEvidence("okms-eu-west-rbx", "green", true, true, soon);
    ProviderEvidence disconnected = new ProviderEvidence("native-kp", "red", true, false, null);

    ComplianceReport report = ComplianceReport.judge("vc", "vc/DC0/vm", null, null, 0, List.of(
        vm("okms-vm", OKMS, OKMS), vm("native-vm", OTHER, OTHER)), java.util.Map.of(), List.of(expiring,
        disconnected), 30);
    ReportWriters.writeAll(report, dir);

    assertThat(report.vms()).extracting(vm -> vm.name() + ": " + vm.reasons()).containsExactly(
        "okms-vm: [vCenter's client certificate for key provider okms-eu-west-rbx expires on "
            + soon.toString().substring(0, 10) + ", in 10 days (minCertificateDays: 30)]",
        "native-vm: [key provider native-kp is not connected (status red; vCenter trusts the KMS: yes; the KMS"
            + " trusts vCenter: no)]");
    JsonNode json = Json.mapper().readTree(dir.resolve("compliance.json").toFile());
    assertThat(json.at("/keyProviders/0/id").asText()).isEqualTo("okms-eu-west-rbx");
    assertThat(json.at("/keyProviders/0/clientCertificateDaysLeft").asLong()).isEqualTo(10);
    assertThat(json.at("/keyProviders/1/kmsTrustsVcenter").asBoolean()).isFalse();
    JsonNode sarif = Json.mapper().readTree(dir.resolve("compliance.sarif").toFile());
    assertThat(sarif.at("/runs/0/results")).extracting(result -> result.get("ruleId").asText())
        .containsExactly("VM-ENC-008", "VM-ENC-007");
    assertThat(Json.mapper().readTree(dir.resolve("gl-code-quality-report.json").toFile()))
        .extracting(issue -> issue.get("check_name").asText())
        .containsExactly("VM-ENC-008 vm-key-provider-certificate-valid", "VM-ENC-007 vm-key-provider-connected");
    assertThat(Files.readString(dir.resolve("TEST-okms-compliance.xml"))).contains("failures=\"2\"");
    assertThat(ComplianceReport.judge("vc", "vc/DC0/vm", null, null, 0, List.of(vm("okms-vm", OKMS, OKMS)),
        java.util.Map.of(), List.of(expiring), 0).passed()).as("0 days: only an expired certificate fails").isTrue();
  }

  /**
   * The whole mixed inventory of the evidence issue: encrypted; home only; a disk missing; another provider; a key
   * missing in the KMS; no vTPM (evidence, not a failure); vMotion not encrypted. Each VM fails exactly its checks, in
   * the JSON, JUnit, SARIF and GitLab reports alike.
   */
  @Test
  void theWholeMixedInventoryFailsEachVmOnItsOwnChecksInEveryFormat() throws Exception {
    CryptoKey missing = new CryptoKey("gone", "okms-eu-west-rbx");
    VmState.Protection required = new VmState.Protection("required", "ftEncryptionRequired", true);
    VmState.Protection noVtpm = new VmState.Protection("required", "ftEncryptionOpportunistic", false);
    VmState.Protection weakVmotion = new VmState.Protection("opportunistic", "ftEncryptionOpportunistic", true);
    List<VmState> vms = List.of(protect(vm("encrypted", OKMS, OKMS), required),
        protect(vm("home-only", OKMS, (CryptoKey) null), required),
        protect(vm("disk-missing", OKMS, OKMS, null), required), protect(vm("other-provider", OTHER, OTHER), required),
        protect(vm("key-missing", missing, missing), required), protect(vm("no-vtpm", OKMS, OKMS), noVtpm),
        protect(vm("vmotion-clear", OKMS, OKMS), weakVmotion));

    ComplianceReport report = ComplianceReport.judge("vc", "vc/DC0/vm", "okms-eu-west-rbx", "required", 0, vms,
        java.util.Map.of(missing, new io.github.okmsvm.core.vsphere.CryptoManager.KeyStatus(missing, false,
            "KeyStateMissingInKMS")));
    ReportWriters.writeAll(report, dir);

    java.util.Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
    expected.put("encrypted", List.of());
    expected.put("home-only", List.of("VM-ENC-002"));
    expected.put("disk-missing", List.of("VM-ENC-002"));
    expected.put("other-provider", List.of("VM-ENC-003"));
    expected.put("key-missing", List.of("VM-ENC-005"));
    expected.put("no-vtpm", List.of());
    expected.put("vmotion-clear", List.of("VM-ENC-006"));
    assertThat(report.vms()).extracting(vm -> vm.name() + "=" + vm.failedChecks().keySet().stream()
        .map(ComplianceCheck::id).toList()).containsExactlyElementsOf(expected.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());

    JsonNode json = Json.mapper().readTree(dir.resolve("compliance.json").toFile());
    assertThat(json.get("nonCompliant").asInt()).isEqualTo(5);
    assertThat(json.at("/vms/5/vtpm").asBoolean()).isFalse();
    assertThat(json.at("/vms/6/encryptedVMotion").asText()).isEqualTo("opportunistic");
    XmlElement suite = SoapCodec.parse(Files.readAllBytes(dir.resolve("TEST-okms-compliance.xml")));
    assertThat(suite.attributes()).containsEntry("tests", "7").containsEntry("failures", "5");
    List<String> sarif = new java.util.ArrayList<>();
    Json.mapper().readTree(dir.resolve("compliance.sarif").toFile()).at("/runs/0/results").forEach(result ->
        sarif.add(result.at("/locations/0/logicalLocations/0/name").asText() + "=" + result.get("ruleId").asText()));
    List<String> gitlab = new java.util.ArrayList<>();
    Json.mapper().readTree(dir.resolve("gl-code-quality-report.json").toFile()).forEach(issue ->
        gitlab.add(issue.at("/location/path").asText().replace("vc/DC0/vm/", "") + "="
            + issue.get("check_name").asText().split(" ")[0]));
    List<String> failing = expected.entrySet().stream().flatMap(entry -> entry.getValue().stream()
        .map(rule -> entry.getKey() + "=" + rule)).toList();
    assertThat(sarif).containsExactlyElementsOf(failing);
    assertThat(gitlab).containsExactlyElementsOf(failing);
  }

  private static VmState protect(VmState vm, VmState.Protection protection) {
    return new VmState(vm.ref(), vm.name(), vm.powerState(), vm.hasSnapshots(), vm.homeKey(), vm.disks(),
        vm.poweredOffMarker(), vm.changeVersion(), protection);
  }
}
