package io.github.okmsvm.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.okmsvm.core.common.Json;
import java.util.List;
import java.util.Map;

/**
 * The compliance report as GitLab Code Quality JSON ({@code artifacts:reports:codequality}): one issue per failing
 * VM and check, with the SARIF report's fingerprint (GitLab collapses issues that share one), located at the VM's
 * inventory path.
 */
final class CodeQualityReport {
  private CodeQualityReport() {}

  static String render(ComplianceReport report) {
    ArrayNode issues = Json.mapper().createArrayNode();
    for (VmCompliance vm : report.vms()) {
      for (Map.Entry<ComplianceCheck, List<String>> failed : vm.failedChecks().entrySet()) {
        ComplianceCheck check = failed.getKey();
        ObjectNode issue = issues.addObject();
        issue.put("description", vm.name() + ": " + String.join("; ", failed.getValue()));
        issue.put("check_name", check.id() + " " + check.slug());
        issue.put("fingerprint", ComplianceCheck.fingerprint(report.scope(), vm, check));
        issue.put("severity", "critical");
        issue.putArray("categories").add("Security");
        ObjectNode location = issue.putObject("location");
        location.put("path", SarifReport.fullyQualifiedName(report, vm));
        location.putObject("lines").put("begin", 1);
      }
    }
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(issues) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the GitLab Code Quality report", e);
    }
  }
}
