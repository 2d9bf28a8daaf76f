package io.github.okmsvm.it.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.report.ComplianceReport;
import io.github.okmsvm.core.report.ReportFormat;
import io.github.okmsvm.core.report.ReportWriters;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.vsphere.VmState.CryptoKey;
import io.github.okmsvm.core.vsphere.VmState.Disk;
import io.github.okmsvm.it.Conformance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our SARIF against Microsoft's SARIF Multitool ({@code validate}: the SARIF 2.1.0 schema and its best-practice
 * rules), a validator nobody here wrote: no error and no warning.
 */
class SarifMultitoolIT {
  static final String PACKAGE = "@microsoft/sarif-multitool@5.7.0";
  private static final Path MULTITOOL = Conformance.npmPeer("@microsoft/sarif-multitool-linux/Sarif.Multitool");

  @TempDir Path dir;

  @Test
  void aFailingGatesSarifPassesTheValidator() throws Exception {
    Conformance.requireNpmPeer(MULTITOOL, PACKAGE);
    CryptoKey okms = new CryptoKey("key", "okms-eu-west-rbx");
    CryptoKey other = new CryptoKey("key", "native-kp");
    Path sarif = ReportWriters.write(ComplianceReport.judge("VMware vCenter Server 8.0.3", "vcenter.example/DC0/vm/prod",
        "okms-eu-west-rbx", 0, List.of(vm("app-01", okms, null, okms), vm("app-02", okms, okms),
            vm("db-01", null, (CryptoKey) null), vm("legacy-01", other, other),
            new VmState(new MoRef("VirtualMachine", "vm-9"), "web-01", "poweredOff", false, okms,
                List.of(disk("web-01", 0, okms)), "2026-12-04T04:00:00Z encrypting", null))),
        dir, EnumSet.of(ReportFormat.SARIF)).get(0);

    assertThat(validate(sarif)).as("the validator's errors and warnings").isEmpty();
  }

  @Test
  void theValidatorDoesFindProblems() throws Exception {
    Conformance.requireNpmPeer(MULTITOOL, PACKAGE);
    Path broken = java.nio.file.Files.writeString(dir.resolve("broken.sarif"), "{\"version\": \"2.1.0\", \"runs\":"
        + " [{\"tool\": {\"driver\": {\"name\": \"x\"}}, \"results\": [{\"ruleId\": \"R1\"}]}]}");

    assertThat(validate(broken)).as("a result without a message").isNotEmpty();
  }

  /** The validator's errors and warnings about {@code sarif}. */
  private List<String> validate(Path sarif) throws Exception {
    Path findings = dir.resolve(sarif.getFileName() + ".validation.sarif");
    Process process = new ProcessBuilder(MULTITOOL.toString(), "validate", sarif.toString(), "--output",
        findings.toString(), "--log", "ForceOverwrite").redirectErrorStream(true)
        .redirectOutput(dir.resolve("multitool.log").toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the multitool finished").isTrue();
    JsonNode validation = Json.mapper().readTree(findings.toFile());
    List<String> problems = new ArrayList<>();
    validation.at("/runs/0/results").forEach(result -> {
      String level = result.path("level").asText("warning");
      if (level.equals("error") || level.equals("warning")) {
        problems.add(result.path("ruleId").asText() + " " + level + ": " + result.at("/message/text").asText()
            + " " + result.at("/message/arguments"));
      }
    });
    return problems;
  }

  private static VmState vm(String name, CryptoKey home, CryptoKey... disks) {
    List<Disk> list = new ArrayList<>();
    for (int i = 0; i < disks.length; i++) {
      list.add(disk(name, i, disks[i]));
    }
    return new VmState(new MoRef("VirtualMachine", "vm-" + name), name, "poweredOff", false, home, list, null, null);
  }

  private static Disk disk(String vm, int index, CryptoKey key) {
    return new Disk(2000 + index, "Hard disk " + (index + 1), "[ds] " + vm + ".vmdk", key, null);
  }
}
