package io.github.okmsvm.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.common.ProductVersion;
import java.util.List;
import java.util.Map;

/**
 * The compliance report as SARIF 2.1.0, for Jenkins' warnings-ng ({@code recordIssues(tools: [sarif()])}) and any
 * SARIF consumer: one rule per check, one result per failing VM and check, with a fingerprint that stays the same
 * across runs. Passes are not results (warnings-ng would turn each into an issue): the run's properties count them.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String TOOL = "okms-vm-encryption";
  static final String INFORMATION_URI = "https://github.com/okmsvm/okms-vm-encryption";
  static final String FINGERPRINT = "okmsVmCheck/v1";

  private SarifReport() {}

  static String render(ComplianceReport report) {
    ObjectNode sarif = Json.mapper().createObjectNode();
    sarif.put("$schema", SCHEMA);
    sarif.put("version", "2.1.0");
    ObjectNode run = sarif.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", TOOL);
    driver.put("informationUri", INFORMATION_URI);
    driver.put("semanticVersion", ProductVersion.get());
    ArrayNode rules = driver.putArray("rules");
    for (ComplianceCheck check : ComplianceCheck.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", check.id());
      rule.put("name", check.slug());
      rule.putObject("shortDescription").put("text", check.description());
      rule.putObject("fullDescription").put("text", check.description() + " " + check.fix());
      rule.putObject("help").put("text", check.fix());
      rule.putObject("defaultConfiguration").put("level", "error");
      rule.putObject("properties").put("category", "VM encryption");
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    invocation.put("endTimeUtc", report.generatedAt().toString());
    ArrayNode results = run.putArray("results");
    for (VmCompliance vm : report.vms()) {
      for (Map.Entry<ComplianceCheck, List<String>> failed : vm.failedChecks().entrySet()) {
        ComplianceCheck check = failed.getKey();
        ObjectNode result = results.addObject();
        result.put("ruleId", check.id());
        result.put("ruleIndex", check.ordinal());
        result.put("level", "error");
        result.putObject("message").put("text", vm.name() + ": " + String.join("; ", failed.getValue()) + ".");
        ObjectNode logical = result.putArray("locations").addObject().putArray("logicalLocations").addObject();
        logical.put("name", vm.name());
        logical.put("fullyQualifiedName", fullyQualifiedName(report, vm));
        logical.put("kind", "resource");
        result.putObject("partialFingerprints").put(FINGERPRINT,
            ComplianceCheck.fingerprint(report.scope(), vm, check));
      }
    }
    ObjectNode properties = run.putObject("properties");
    properties.put("vcenter", report.vcenter());
    properties.put("scope", report.scope());
    if (report.expectedProvider() != null) {
      properties.put("expectedKeyProvider", report.expectedProvider());
    }
    properties.put("vms", report.vms().size());
    properties.put("compliantVms", report.compliantCount());
    properties.put("nonCompliantVms", report.nonCompliantCount());
    properties.put("maxNonCompliant", report.maxNonCompliant());
    properties.put("passed", report.passed());
    ArrayNode compliant = properties.putArray("compliant");
    report.vms().stream().filter(VmCompliance::compliant).forEach(vm -> compliant.add(vm.name()));
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sarif) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the SARIF report", e);
    }
  }

  /** {@code vcenter.example/DC0/vm/prod/app-01}: where the VM is, as the gate saw it. */
  static String fullyQualifiedName(ComplianceReport report, VmCompliance vm) {
    return (report.scope() == null ? "vcenter" : report.scope()) + "/" + vm.name();
  }
}
