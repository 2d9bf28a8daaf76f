package io.github.okmsvm.maven;

import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The release gate: judges every selected VM (home and every disk encrypted, by the expected key provider when
 * {@code okms.providerName} is given), writes JSON, JUnit XML, Markdown and HTML reports, and fails the build when
 * more than {@code okms.maxNonCompliant} VMs are not compliant. Offline ({@code mvn -o}) it fails: it cannot judge.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractOkmsMojo {
  /** Where the reports go. */
  @Parameter(property = PluginProperties.REPORT_DIRECTORY, defaultValue = "${project.build.directory}/okms")
  File reportDirectory;

  /**
   * Report formats: {@code json}, {@code junit}, {@code markdown}, {@code html}, {@code sarif}, {@code gitlab}
   * (GitLab Code Quality), or {@code all} (the default).
   */
  @Parameter(property = PluginProperties.REPORT_FORMATS)
  List<String> reportFormats;

  @Override
  List<String> reportFormats() {
    return reportFormats == null ? List.of() : reportFormats;
  }

  @Override
  Command command() {
    return Command.CHECK;
  }

  @Override
  List<GuideStep> steps() {
    return EncryptionFlow.forCommand(command(), true, directory(reportDirectory));
  }

  @Override
  void beforeRun() throws MojoFailureException {
    if (session.isOffline() && !sandbox) {
      throw new MojoFailureException("[okms] check cannot judge encryption compliance offline (mvn -o): run it"
          + " online, or skip it explicitly with -D" + PluginProperties.SKIP + "=true");
    }
  }
}
