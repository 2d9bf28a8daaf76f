package io.github.okmsvm.core.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The compliance report as JSON (for machines), JUnit XML (one test case per VM, so that Jenkins' {@code junit}
 * shows the non-compliant ones as failures), Markdown (for pull requests and logs), a self-contained HTML page,
 * SARIF and GitLab Code Quality JSON (for CI servers' quality gates); {@link ReportFormat} chooses among them.
 */
public final class ReportWriters {
  public static final String JSON = ReportFormat.JSON.fileName();
  public static final String JUNIT = ReportFormat.JUNIT.fileName();
  public static final String MARKDOWN = ReportFormat.MARKDOWN.fileName();
  public static final String HTML = ReportFormat.HTML.fileName();
  public static final String SARIF = ReportFormat.SARIF.fileName();
  public static final String GITLAB = ReportFormat.GITLAB.fileName();

  private ReportWriters() {}

  /** Fails unless reports can be written into {@code directory} (created when missing): before any change is made. */
  public static void checkWritable(Path directory) {
    try {
      Files.createDirectories(directory);
      if (!Files.isWritable(directory)) {
        throw new IOException("not writable");
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigurationException(SettingNames.REPORT_DIRECTORY, "'" + directory + "' cannot be written ("
          + e.getMessage() + ")", "give a directory this build may write into");
    }
  }

  /** Writes every format into {@code directory}; returns their paths. */
  public static List<Path> writeAll(ComplianceReport report, Path directory) {
    return write(report, directory, EnumSet.allOf(ReportFormat.class));
  }

  /** Writes {@code formats} into {@code directory}, in the formats' order; returns their paths. */
  public static List<Path> write(ComplianceReport report, Path directory, Set<ReportFormat> formats) {
    try {
      Files.createDirectories(directory);
      List<Path> written = new ArrayList<>();
      for (ReportFormat format : formats) {
        written.add(Files.writeString(directory.resolve(format.fileName()), format.render(report)));
      }
      return written;
    } catch (IOException e) {
      throw new ConfigurationException(SettingNames.REPORT_DIRECTORY, "'" + directory + "' cannot be written ("
          + e.getMessage() + ")", "give a directory this build may write into");
    }
  }

  public static String json(ComplianceReport report) {
    try {
      List<JsonProvider> providers = report.providers().stream().map(provider -> new JsonProvider(
          provider.providerId(), provider.status(), provider.clientTrustServer(), provider.serverTrustClient(),
          provider.clientCertificateNotAfter() == null ? null : provider.clientCertificateNotAfter().toString(),
          provider.daysLeft(report.generatedAt()))).toList();
      List<JsonVm> vms = report.vms().stream().map(vm -> new JsonVm(vm.name(), vm.id(), vm.compliant(),
          vm.powerState(), vm.homeEncrypted(), vm.homeProvider(), vm.disks(), vm.protection().migrateEncryption(),
          vm.protection().ftEncryptionMode(), vm.protection().vtpm(), vm.reasons())).toList();
      return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new JsonReport(
          report.generatedAt().toString(), report.vcenter(), report.scope(), report.expectedProvider(),
          report.maxNonCompliant(), report.compliantCount(), report.nonCompliantCount(), report.passed(), providers,
          vms)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record JsonReport(String generatedAt, String vcenter, String scope, String expectedProvider,
      int maxNonCompliant, long compliant, long nonCompliant, boolean passed, List<JsonProvider> keyProviders,
      List<JsonVm> vms) {}

  /** A key provider as vCenter reported it: the evidence that the VMs' keys can still be fetched. */
  private record JsonProvider(String id, String status, boolean vcenterTrustsKms, boolean kmsTrustsVcenter,
      String clientCertificateNotAfter, Long clientCertificateDaysLeft) {}

  /** One VM; {@code encryptedVMotion} and {@code encryptedFaultTolerance} as vCenter names them, null if unsaid. */
  private record JsonVm(String name, String id, boolean compliant, String powerState, boolean homeEncrypted,
      String homeProvider, List<VmCompliance.DiskCompliance> disks, String encryptedVMotion,
      String encryptedFaultTolerance, boolean vtpm, List<String> reasons) {}

  public static String junit(ComplianceReport report) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "okms-encryption-compliance");
      xml.writeAttribute("tests", Integer.toString(report.vms().size()));
      xml.writeAttribute("failures", Long.toString(report.nonCompliantCount()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("timestamp", report.generatedAt().toString());
      for (VmCompliance vm : report.vms()) {
        xml.writeStartElement("testcase");
        // the scope, not vCenter's version string: Jenkins keeps a test's history by its class name
        xml.writeAttribute("classname", "okms.compliance." + (report.scope() == null ? "vcenter"
            : report.scope().replaceAll("[^A-Za-z0-9]+", "_")));
        xml.writeAttribute("name", vm.name());
        if (!vm.compliant()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", vm.name() + " is not compliant: " + String.join("; ", vm.reasons()));
          xml.writeAttribute("type", "NotCompliant");
          xml.writeCharacters(String.join("\n", vm.reasons()));
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text + "\n";
  }

  public static String markdown(ComplianceReport report) {
    StringBuilder md = new StringBuilder("## VM encryption compliance\n\n");
    md.append(report.summary()).append("\n\n");
    md.append("| VM | compliant | home | disks | why not |\n|---|---|---|---|---|\n");
    for (VmCompliance vm : report.vms()) {
      long encryptedDisks = vm.disks().stream().filter(VmCompliance.DiskCompliance::encrypted).count();
      md.append("| ").append(cell(vm.name())).append(" | ").append(vm.compliant() ? "yes" : "**no**").append(" | ")
          .append(vm.homeEncrypted() ? "encrypted" : "clear").append(" | ").append(encryptedDisks).append('/')
          .append(vm.disks().size()).append(" encrypted | ").append(cell(String.join("; ", vm.reasons())))
          .append(" |\n");
    }
    return md.toString();
  }

  /** A page a person reads: see {@link HtmlReport}. */
  public static String html(ComplianceReport report) {
    return HtmlReport.render(report);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
