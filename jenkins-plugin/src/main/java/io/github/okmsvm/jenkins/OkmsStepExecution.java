package io.github.okmsvm.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.config.SettingSpelling;
import io.github.okmsvm.core.connect.Connections;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs a step's core tasks off the pipeline thread, with its credentials, rendering progress to the build log, and
 * returns its outputs as a plain (serializable) map. A user error ends the step through {@link AbortException} with
 * the core's message, which names the argument and the fix; anything else is a bug and keeps its stack trace.
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
    EnvVars env = jenkins.get(EnvVars.class) == null ? new EnvVars() : jenkins.get(EnvVars.class);
    CredentialLookup lookup = jenkins.get(CredentialLookup.class) == null ? CredentialLookup.JENKINS
        : jenkins.get(CredentialLookup.class);
    StepContext context = null;
    try {
      Connections connections = Connections.resolve(List.of(SettingSource.of("step arguments", arguments(env)),
          JenkinsCredentials.ovh(step.getOvhCredentialsId(), lookup, run),
          JenkinsCredentials.vcenter(step.getVcenterCredentialsId(), lookup, run), SettingSource.environment(env)),
          JenkinsCredentials.OVH_HINTS, JenkinsCredentials.VCENTER_HINTS);
      context = connections.open(step.settings(), new TaskListenerRenderer(listener.getLogger()), line -> { });
      List<StepResult> results = EncryptionFlow.run(step.guideSteps(reportDirectory(step, env)), context);
      HashMap<String, Object> outputs = new HashMap<>(results.get(results.size() - 1).outputs());
      outputs.put("changes", results.stream().mapToLong(result -> result.changes().size()).sum());
      return outputs;
    } catch (UserException e) {
      throw new AbortException(SettingSpelling.JENKINS.rewrite(e.getMessage()));
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }

  /**
   * The controller restarted while the step ran: its work did not survive. Every step converges from wherever it
   * stopped (a VM it powered off carries a mark that the next run of vcenterEncryptVm finishes), so the fix is to run
   * the pipeline again.
   */
  @Override
  public void onResume() {
    getContext().onFailure(new AbortException("the Jenkins controller restarted while this step ran, and its work"
        + " stopped there: run the pipeline again; every step converges from where it stopped (a VM left powered off"
        + " is powered on by the next vcenterEncryptVm)"));
  }

  /** The arguments that say how to connect, by their core names; files relative to the workspace. */
  private Map<String, String> arguments(EnvVars env) {
    Map<String, String> values = new HashMap<>();
    values.put(SettingNames.OVH_ENDPOINT, step.getOvhEndpoint());
    values.put(SettingNames.OVH_TOKEN_URL, step.getOvhTokenUrl());
    values.put(SettingNames.OVH_CA_FILE, inWorkspace(SettingNames.OVH_CA_FILE, step.getOvhCaFile(), env));
    values.put(SettingNames.VCENTER_SERVER, step.getVcenterServer());
    values.put(SettingNames.VCENTER_THUMBPRINT, step.getVcenterThumbprint());
    values.put(SettingNames.VCENTER_CA_FILE, inWorkspace(SettingNames.VCENTER_CA_FILE, step.getVcenterCaFile(), env));
    values.put(SettingNames.VCENTER_INSECURE, step.isVcenterInsecure() ? "true" : null);
    return values;
  }

  /** Where the compliance reports go: {@code reportDirectory}, inside the workspace. */
  static Path reportDirectory(OkmsStep step, EnvVars env) {
    return Path.of(inWorkspace(SettingNames.REPORT_DIRECTORY, step.getReportDirectory(), env));
  }

  /**
   * A file argument, inside the workspace: an absolute path or one climbing out with {@code ..} would reach files of
   * the controller that the build has no business reading or writing.
   */
  private static String inWorkspace(String field, String file, EnvVars env) {
    if (file == null || file.isBlank()) {
      return null;
    }
    Path path = Path.of(file).normalize();
    if (path.isAbsolute() || path.startsWith("..")) {
      throw new ConfigurationException(field, "'" + file + "' is outside the workspace", "give a path relative to"
          + " the workspace");
    }
    String workspace = env.get("WORKSPACE");
    return workspace == null ? path.toString() : Path.of(workspace).resolve(path).toString();
  }
}
