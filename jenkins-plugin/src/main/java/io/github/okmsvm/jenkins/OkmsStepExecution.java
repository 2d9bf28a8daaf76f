package io.github.okmsvm.jenkins;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.ovh.OvhSettings;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.vsphere.VimTls;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs a step's core tasks off the pipeline thread, with its credentials, rendering progress to the build log, and
 * returns its outputs as a plain (serializable) map. A failure fails the step with the core's message, which names
 * the argument and the fix.
 */
final class OkmsStepExecution extends SynchronousNonBlockingStepExecution<HashMap<String, Object>> {
  private static final long serialVersionUID = 1L;
  private final transient OkmsStep step;

  OkmsStepExecution(org.jenkinsci.plugins.workflow.steps.StepContext context, OkmsStep step) {
    super(context);
    this.step = step;
  }

  @Override
  protected HashMap<String, Object> run() throws Exception {
    org.jenkinsci.plugins.workflow.steps.StepContext jenkins = getContext();
    TaskListener listener = jenkins.get(TaskListener.class);
    Run<?, ?> run = jenkins.get(Run.class);
    EnvVars env = orEmpty(jenkins.get(EnvVars.class));
    CredentialLookup lookup = orDefault(jenkins.get(CredentialLookup.class), CredentialLookup.JENKINS);
    StepConnections connections = orDefault(jenkins.get(StepConnections.class), StepConnections.SYSTEM_TRUST);
    PrintStream log = listener.getLogger();

    StepContext context = new StepContext(step.settings(),
        () -> {
          try {
            OvhSettings ovh = JenkinsCredentials.ovh(step.getOvhCredentialsId(), step.getOvhEndpoint(), lookup, run,
                env);
            return connections.ovh(ovh.endpoint(), ovh.credentials(), line -> { });
          } catch (java.io.IOException e) {
            throw new ConfigurationException("ovhCredentialsId", "cannot be read (" + e.getMessage() + ")");
          }
        },
        () -> {
          String server = step.getVcenterServer() != null ? step.getVcenterServer() : env.get("VSPHERE_SERVER");
          if (server == null || server.isBlank()) {
            throw new ConfigurationException("vcenterServer", "is missing: give vCenter's host name, or set"
                + " VSPHERE_SERVER");
          }
          JenkinsCredentials.VcenterLogin login = JenkinsCredentials.vcenter(step.getVcenterCredentialsId(), lookup,
              run, env);
          return connections.vcenter(server, login.user(), login.password(), tls(log), line -> { });
        },
        new TaskListenerRenderer(log));
    try {
      List<StepResult> results = EncryptionFlow.run(step.guideSteps(env), context);
      HashMap<String, Object> outputs = new HashMap<>(results.get(results.size() - 1).outputs());
      outputs.put("changes", results.stream().mapToLong(result -> result.changes().size()).sum());
      return outputs;
    } finally {
      context.close();
    }
  }

  private VimTls tls(PrintStream log) {
    if (step.getVcenterThumbprint() != null && !step.getVcenterThumbprint().isBlank()) {
      return VimTls.pinned(step.getVcenterThumbprint());
    }
    if (step.isVcenterInsecure()) {
      log.println("[okms]   WARNING vCenter's certificate is NOT verified (vcenterInsecure): pin vcenterThumbprint"
          + " instead");
      return VimTls.insecure();
    }
    return VimTls.system();
  }

  /** Where the compliance reports go: {@code reportDirectory} inside the workspace, or as given when absolute. */
  static Path reportDirectory(OkmsStep step, EnvVars env) {
    Path directory = Path.of(step.getReportDirectory());
    String workspace = env.get("WORKSPACE");
    return directory.isAbsolute() || workspace == null ? directory : Path.of(workspace).resolve(directory);
  }

  private static EnvVars orEmpty(EnvVars env) {
    return env == null ? new EnvVars() : env;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
