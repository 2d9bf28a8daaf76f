package io.github.okmsvm.core.report;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The formats of the compliance report, chosen by name as dependency-check's {@code formats} are: {@code json},
 * {@code junit}, {@code markdown}, {@code html}, {@code sarif}, {@code gitlab}, or {@code all} (the default).
 */
public enum ReportFormat {
  JSON("json", "compliance.json", ReportWriters::json),
  JUNIT("junit", "TEST-okms-compliance.xml", ReportWriters::junit),
  MARKDOWN("markdown", "compliance.md", ReportWriters::markdown),
  HTML("html", "compliance.html", HtmlReport::render),
  SARIF("sarif", "compliance.sarif", SarifReport::render),
  GITLAB("gitlab", "gl-code-quality-report.json", CodeQualityReport::render);

  private final String name;
  private final String fileName;
  private final Function<ComplianceReport, String> renderer;

  ReportFormat(String name, String fileName, Function<ComplianceReport, String> renderer) {
    this.name = name;
    this.fileName = fileName;
    this.renderer = renderer;
  }

  /** How users name it in {@code reportFormats}. */
  public String formatName() {
    return name;
  }

  public String fileName() {
    return fileName;
  }

  String render(ComplianceReport report) {
    return renderer.apply(report);
  }

  /** The formats {@code names} choose (case-insensitive; {@code all} or none for every format). */
  public static Set<ReportFormat> parse(List<String> names) {
    if (names.isEmpty()) {
      return EnumSet.allOf(ReportFormat.class);
    }
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String name : names) {
      String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      if (wanted.equals("all")) {
        return EnumSet.allOf(ReportFormat.class);
      }
      formats.add(Arrays.stream(values()).filter(format -> format.name.equals(wanted)).findFirst()
          .orElseThrow(() -> new ConfigurationException(SettingNames.REPORT_FORMATS, "'" + name + "' is not a report"
              + " format", "give " + Arrays.stream(values()).map(ReportFormat::formatName)
              .collect(Collectors.joining(", ")) + ", or all")));
    }
    return formats;
  }
}
