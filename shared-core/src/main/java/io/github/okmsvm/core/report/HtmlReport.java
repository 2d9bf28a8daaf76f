package io.github.okmsvm.core.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The compliance report as one page a person reads: the verdict, where it was judged (vCenter, key provider, when),
 * the counts, then the VMs, the failing ones first with why. Self-contained (inline style, no script, no external
 * resource, and a content security policy that forbids loading any), so it can be archived or mailed as it is.
 */
final class HtmlReport {
  /** {@code Friday 4 December 2026, 04:10 UTC}: readable, and unambiguous across the world. */
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm 'UTC'",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final String STYLE = String.join("",
      "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1f2328;",
      "background:#f6f8fa}main{max-width:70em;margin:0 auto;padding:1.5em}",
      "h1{font-size:1.6em;margin:.2em 0}.verdict{display:inline-block;padding:.15em .7em;border-radius:1em;",
      "font-weight:600;color:#fff}.verdict.passed{background:#1a7f37}.verdict.failed{background:#cf222e}",
      "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:1em 0}dt{color:#57606a}",
      "dd{margin:0}.counts{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}.count{background:#fff;",
      "border:1px solid #d0d7de;border-radius:.5em;padding:.6em 1em;min-width:8em}.count b{display:block;",
      "font-size:1.6em}.count.bad b{color:#cf222e}h2{font-size:1.2em;margin:1.5em 0 .5em}",
      "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d0d7de;",
      "padding:.4em .7em;text-align:left;vertical-align:top}th{background:#eaeef2}",
      "tr.failing td{background:#ffebe9}tr.failing td.why{color:#82071e;font-weight:500}",
      "ul{margin:0;padding-left:1.2em}.none{color:#57606a}");

  private HtmlReport() {}

  static String render(ComplianceReport report) {
    List<VmCompliance> failing = report.vms().stream().filter(vm -> !vm.compliant())
        .sorted(Comparator.comparing(VmCompliance::name)).toList();
    List<VmCompliance> compliant = report.vms().stream().filter(VmCompliance::compliant)
        .sorted(Comparator.comparing(VmCompliance::name)).toList();
    String verdict = report.passed() ? "passed" : "failed";
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>VM encryption compliance: ").append(verdict.toUpperCase(Locale.ROOT)).append("</title>\n")
        .append("<style>").append(STYLE).append("</style></head>\n<body><main>\n")
        .append("<h1>VM encryption compliance <span class=\"verdict ").append(verdict).append("\">")
        .append(verdict.toUpperCase(Locale.ROOT)).append("</span></h1>\n")
        .append("<p id=\"summary\">").append(escape(report.summary())).append("</p>\n<dl class=\"facts\">\n");
    fact(page, "vCenter", report.vcenter());
    fact(page, "VMs judged", report.scope());
    fact(page, "Key provider", report.expectedProvider() == null ? "any (none expected)" : report.expectedProvider());
    fact(page, "Judged on", WHEN.format(report.generatedAt()));
    page.append("</dl>\n<div class=\"counts\">\n");
    count(page, "VMs", report.vms().size(), false);
    count(page, "compliant", report.compliantCount(), false);
    count(page, "not compliant", report.nonCompliantCount(), report.nonCompliantCount() > 0);
    count(page, "allowed", report.maxNonCompliant(), false);
    page.append("</div>\n");
    section(page, "failing", "Not compliant", failing, "Every VM is compliant.");
    section(page, "compliant", "Compliant", compliant, "No VM is compliant.");
    return page.append("</main></body></html>\n").toString();
  }

  private static void section(StringBuilder page, String id, String title, List<VmCompliance> vms, String empty) {
    page.append("<h2 id=\"").append(id).append("\">").append(title).append(" (").append(vms.size())
        .append(")</h2>\n");
    if (vms.isEmpty()) {
      page.append("<p class=\"none\">").append(empty).append("</p>\n");
      return;
    }
    boolean failing = !vms.get(0).compliant();
    page.append("<table><thead><tr><th>VM</th><th>power</th><th>home</th><th>disks</th>")
        .append(failing ? "<th>why not compliant</th>" : "").append("</tr></thead><tbody>\n");
    for (VmCompliance vm : vms) {
      page.append("<tr class=\"").append(vm.compliant() ? "compliant" : "failing").append("\"><td>")
          .append(escape(vm.name())).append("</td><td>").append(escape(String.valueOf(vm.powerState())))
          .append("</td><td>")
          .append(vm.homeEncrypted() ? "encrypted by " + escape(vm.homeProvider()) : "not encrypted")
          .append("</td><td>").append(disks(vm)).append("</td>");
      if (failing) {
        page.append("<td class=\"why\"><ul>");
        vm.reasons().forEach(reason -> page.append("<li>").append(escape(reason)).append("</li>"));
        page.append("</ul></td>");
      }
      page.append("</tr>\n");
    }
    page.append("</tbody></table>\n");
  }

  private static String disks(VmCompliance vm) {
    if (vm.disks().isEmpty()) {
      return "<span class=\"none\">no disk</span>";
    }
    StringBuilder list = new StringBuilder("<ul>");
    for (VmCompliance.DiskCompliance disk : vm.disks()) {
      list.append("<li>").append(escape(disk.label())).append(": ")
          .append(disk.encrypted() ? "encrypted by " + escape(disk.provider()) : "not encrypted").append("</li>");
    }
    return list.append("</ul>").toString();
  }

  private static void fact(StringBuilder page, String term, String value) {
    page.append("<dt>").append(term).append("</dt><dd>").append(escape(value == null ? "unknown" : value))
        .append("</dd>\n");
  }

  private static void count(StringBuilder page, String label, long value, boolean bad) {
    page.append("<div class=\"count").append(bad ? " bad" : "").append("\"><b>").append(value).append("</b>")
        .append(label).append("</div>\n");
  }

  private static String escape(String text) {
    return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
