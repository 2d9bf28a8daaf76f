package io.github.okmsvm.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.config.SettingSpelling;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.Outputs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs a step off the pipeline thread: reads its credentials and Jenkins' proxy on the controller, then sends the
 * work to the node of its workspace ({@link NodeWork}), and returns its outputs as a plain (serializable) map. A user
 * error ends the step through {@link AbortException} with the core's message, which names the argument and the fix;
 * anything else is a bug and keeps its stack trace. An abort or a {@code timeout} interrupts the work: the VMs being
 * encrypted are finished and run again, no other is started.
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
    FilePath workspace = jenkins.get(FilePath.class);
    CredentialLookup lookup = jenkins.get(CredentialLookup.class) == null ? CredentialLookup.JENKINS
        : jenkins.get(CredentialLookup.class);
    Command command = step.command();
    try {
      Map<String, String> files = workspaceFiles();
      NodeWork work = new NodeWork(command, step.settings(), arguments(), files,
          command == Command.CHECK ? inWorkspace(SettingNames.REPORT_DIRECTORY, step.getReportDirectory()) : null,
          List.of(JenkinsCredentials.ovh(step.getOvhCredentialsId(), lookup, run),
              JenkinsCredentials.vcenter(step.getVcenterCredentialsId(), lookup, run)),
          env, OvhApiProxy.ofJenkins(), listener, step.isMarkUnstable());
      if (workspace != null) {
        return unstableWhenTheGateSaysSo(workspace.act(work), run, listener);
      }
      if (work.needsWorkspace()) {
        throw new ConfigurationException(files.keySet().stream().sorted().findFirst()
            .orElse(SettingNames.REPORT_DIRECTORY), "is a file in the workspace,"
            + " and " + command.functionName() + " is not inside node", "call it inside node { } (or a stage with an"
            + " agent)");
      }
      listener.getLogger().println(NodeWork.controllerNotice(command));
      return unstableWhenTheGateSaysSo(work.invoke(null, null), run, listener);
    } catch (UserException e) {
      throw new AbortException(SettingSpelling.JENKINS.rewrite(e.getMessage()));
    }
  }

  /**
   * A failed gate with {@code markUnstable}, or one that passed above {@code unstableNonCompliant}: the build goes on,
   * UNSTABLE, as a test publisher's failures make it.
   */
  private static HashMap<String, Object> unstableWhenTheGateSaysSo(HashMap<String, Object> outputs, Run<?, ?> run,
      TaskListener listener) {
    if (Boolean.FALSE.equals(outputs.get(NodeWork.PASSED))) {
      run.setResult(Result.UNSTABLE);
      listener.getLogger().println("[okms] the gate failed and markUnstable is set: the build is UNSTABLE");
    } else if ("true".equals(outputs.get(Outputs.UNSTABLE))) {
      run.setResult(Result.UNSTABLE);
      listener.getLogger().println("[okms] the gate passed above unstableNonCompliant: the build is UNSTABLE");
    }
    return outputs;
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

  /** The arguments that say how to connect, by their core names. */
  private Map<String, String> arguments() {
    Map<String, String> values = new HashMap<>();
    values.put(SettingNames.OVH_ENDPOINT, step.getOvhEndpoint());
    values.put(SettingNames.OVH_TOKEN_URL, step.getOvhTokenUrl());
    values.put(SettingNames.VCENTER_SERVER, step.getVcenterServer());
    values.put(SettingNames.VCENTER_THUMBPRINT, step.getVcenterThumbprint());
    values.put(SettingNames.VCENTER_INSECURE, step.isVcenterInsecure() ? "true" : null);
    return values;
  }

  /** The file arguments given, relative to the workspace. */
  private Map<String, String> workspaceFiles() {
    Map<String, String> files = new HashMap<>();
    String ovhCa = inWorkspace(SettingNames.OVH_CA_FILE, step.getOvhCaFile());
    String vcenterCa = inWorkspace(SettingNames.VCENTER_CA_FILE, step.getVcenterCaFile());
    if (ovhCa != null) {
      files.put(SettingNames.OVH_CA_FILE, ovhCa);
    }
    if (vcenterCa != null) {
      files.put(SettingNames.VCENTER_CA_FILE, vcenterCa);
    }
    return files;
  }

  /**
   * A file argument, relative to the workspace: an absolute path or one climbing out with {@code ..} would reach
   * files of the node that the build has no business reading or writing.
   */
  private static String inWorkspace(String field, String file) {
    if (file == null || file.isBlank()) {
      return null;
    }
    Path path = Path.of(file).normalize();
    if (path.isAbsolute() || path.startsWith("..")) {
      throw new ConfigurationException(field, "'" + file + "' is outside the workspace", "give a path relative to"
          + " the workspace");
    }
    return path.toString();
  }
}
