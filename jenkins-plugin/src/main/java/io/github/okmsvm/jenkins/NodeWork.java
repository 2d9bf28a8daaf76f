package io.github.okmsvm.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.config.SettingSpelling;
import io.github.okmsvm.core.connect.Connections;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GateFailure;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * A step's work, sent to the node whose workspace the step has (the controller outside {@code node}): vCenter, the
 * KMIP endpoint and the OVHcloud API are reached from there, as a {@code sh} step's commands would reach them, and
 * files (certificates, reports) are read and written in that workspace. Everything in it was decided on the
 * controller: the settings, the credentials' values, the proxy; the build log is the remote end of the listener.
 */
final class NodeWork extends MasterToSlaveFileCallable<HashMap<String, Object>> {
  private static final long serialVersionUID = 1L;
  /** The gate's output saying whether it passed: false only when it failed and markUnstable let the build go on. */
  static final String PASSED = "passed";
  private final Command command;
  private final EncryptionSettings settings;
  private final HashMap<String, String> arguments;
  private final HashMap<String, String> workspaceFiles;
  private final String reportDirectory;
  private final List<CredentialValues> credentials;
  private final EnvVars environment;
  private final OvhApiProxy ovhProxy;
  private final TaskListener listener;
  private final boolean markUnstable;

  /**
   * {@code workspaceFiles}: file settings by core name, relative to the workspace; {@code reportDirectory} likewise,
   * or null for none.
   */
  NodeWork(Command command, EncryptionSettings settings, Map<String, String> arguments,
      Map<String, String> workspaceFiles, String reportDirectory, List<CredentialValues> credentials,
      EnvVars environment, OvhApiProxy ovhProxy, TaskListener listener, boolean markUnstable) {
    this.command = command;
    this.settings = settings;
    this.arguments = new HashMap<>(arguments);
    this.workspaceFiles = new HashMap<>(workspaceFiles);
    this.reportDirectory = reportDirectory;
    this.credentials = List.copyOf(credentials);
    this.environment = environment;
    this.ovhProxy = ovhProxy;
    this.listener = listener;
    this.markUnstable = markUnstable;
  }

  /** Whether the work reads or writes files, and so needs a workspace. */
  boolean needsWorkspace() {
    return reportDirectory != null || !workspaceFiles.isEmpty();
  }

  /** {@code workspace} is null when the step runs outside {@code node}, with no file to read or write. */
  @Override
  public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws AbortException {
    Map<String, String> values = new HashMap<>(arguments);
    workspaceFiles.forEach((setting, file) -> values.put(setting, workspace.toPath().resolve(file).toString()));
    StepContext context = null;
    try {
      List<SettingSource> sources = new ArrayList<>();
      sources.add(SettingSource.of("step arguments", values));
      credentials.forEach(credential -> sources.add(credential.source()));
      sources.add(SettingSource.environment(environment));
      Connections connections = Connections.resolve(sources, JenkinsCredentials.OVH_HINTS,
          JenkinsCredentials.VCENTER_HINTS);
      if (ovhProxy != null) {
        connections = connections.withOvhProxy(ovhProxy.toHttpProxy());
      }
      context = connections.open(settings, new TaskListenerRenderer(listener.getLogger()), line -> { });
      Path reports = reportDirectory == null ? null : workspace.toPath().resolve(reportDirectory);
      List<StepResult> results = EncryptionFlow.run(EncryptionFlow.forCommand(command, false, reports), context);
      HashMap<String, Object> outputs = new HashMap<>(results.get(results.size() - 1).outputs());
      outputs.put("changes", results.stream().mapToLong(result -> result.changes().size()).sum());
      if (command == Command.CHECK) {
        outputs.put(PASSED, true);
      }
      return outputs;
    } catch (GateFailure e) {
      if (!markUnstable) {
        throw new AbortException(SettingSpelling.JENKINS.rewrite(e.getMessage()));
      }
      listener.getLogger().println("[okms] " + SettingSpelling.JENKINS.rewrite(e.getMessage()));
      HashMap<String, Object> outputs = new HashMap<>(e.outputs());
      outputs.put(PASSED, false);
      return outputs;
    } catch (UserException e) {
      throw new AbortException(SettingSpelling.JENKINS.rewrite(e.getMessage()));
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }

  /** For the log of a step outside {@code node}. */
  static String controllerNotice(Command command) {
    return "[okms] " + command.functionName() + " is not inside node: it runs on the Jenkins controller, whose"
        + " network must reach what it talks to (vCenter on 443, the KMIP endpoint on 5696, the OVHcloud API)";
  }
}
