package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.github.okmsvm.jenkins.credentials.OvhApiCredentialsImpl;
import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * A sandbox with a PCC and VMs, Jenkins credentials for it, and the arguments a pipeline would pass: what the step
 * tests and the Jenkinsfile test run against.
 */
final class PipelineFixture implements AutoCloseable {
  static final String PCC = "pcc-198-51-100-1";
  /** The sandbox API's CA, in the workspace: a real controller trusts OVHcloud's certificate through the JDK. */
  static final String OVH_CA_FILE = "sandbox-ca.pem";

  final OkmsSandbox sandbox;
  final TestCredentials credentials = new TestCredentials();
  final TestListener listener = new TestListener();
  final Path workspace;
  final String vcenterThumbprint;

  PipelineFixture(Path workspace, String... runningVms) {
    this.workspace = workspace;
    OkmsSandbox.Builder builder = OkmsSandbox.builder().pcc(PCC).vm("app-01", "prod", false, 1, false)
        .vm("app-02", "prod", true, 2, false).vm("db-01", "prod", false, 2, false);
    for (String vm : runningVms) {
      builder.vm(vm, "web", true, 1, false);
    }
    this.sandbox = builder.start();
    sandbox.vcenterServer().taskDuration(Duration.ofMillis(20));
    sandbox.vcenterServer().guestShutdownDelay(Duration.ofMillis(100));
    credentials.usernamePassword("ovh-service-account", sandbox.serviceAccount().clientId(),
        sandbox.serviceAccount().clientSecret().reveal());
    credentials.usernamePassword("vcenter-admin", sandbox.vcenterUsername(), sandbox.vcenterPassword().reveal());
    prepare(workspace);
    URI vcenter = URI.create(sandbox.vcenterUrl());
    this.vcenterThumbprint = ChainCapture.capture(new TlsEndpoint(vcenter.getHost(), vcenter.getPort()),
        Duration.ofSeconds(5)).thumbprint().sha256();
  }

  /** A workspace as a checkout would leave it: with the CA that the OVHcloud API's certificate chains to. */
  Path prepare(Path directory) {
    try {
      Files.writeString(directory.resolve(OVH_CA_FILE), sandbox.trustBundlePem());
      return directory;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The sandbox's service account as an "OVHcloud API" credential. */
  OvhApiCredentialsImpl ovhApiCredentials(String id) {
    OvhApiCredentialsImpl credentials = new OvhApiCredentialsImpl(CredentialsScope.GLOBAL, id, "OVHcloud",
        sandbox.ovhEndpoint().apiBase().toString());
    credentials.setClientId(sandbox.serviceAccount().clientId());
    credentials.setClientSecret(Secret.fromString(sandbox.serviceAccount().clientSecret().reveal()));
    return credentials;
  }

  /** The connection arguments every step of the pipeline gets. */
  Map<String, Object> connection() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("ovhCredentialsId", "ovh-service-account");
    args.put("ovhEndpoint", sandbox.ovhEndpoint().apiBase().toString());
    args.put("ovhCaFile", OVH_CA_FILE);
    args.put("vcenterServer", sandbox.vcenterUrl());
    args.put("vcenterCredentialsId", "vcenter-admin");
    args.put("vcenterThumbprint", vcenterThumbprint);
    return args;
  }

  /** The connection arguments {@code step} takes, with {@code namesAndValues}. */
  Map<String, Object> args(Class<? extends Step> step, Object... namesAndValues) {
    Map<String, Object> args = connection();
    args.keySet().retainAll(StepInvoker.arguments(step));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return args;
  }

  /** A step inside {@code node} on the controller's own executor: the workspace is local. */
  TestStepContext context() {
    return outsideNode().with(FilePath.class, new FilePath(workspace.toFile()))
        .with(EnvVars.class, new EnvVars(Map.of("WORKSPACE", workspace.toString())));
  }

  /** A step inside {@code node('pcc')}: the workspace is {@code directory} on {@code agent}. */
  TestStepContext onAgent(TestAgent agent, Path directory) {
    return outsideNode().with(FilePath.class, agent.workspace(directory))
        .with(EnvVars.class, new EnvVars(Map.of("WORKSPACE", directory.toString(), "NODE_NAME", "pcc")));
  }

  /** A step outside any {@code node}: no workspace, the build's environment only. */
  TestStepContext outsideNode() {
    return new TestStepContext().with(Run.class, new TestRun()).with(TaskListener.class, listener)
        .with(EnvVars.class, new EnvVars()).with(CredentialLookup.class, credentials);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> run(Class<? extends Step> step, Map<String, Object> args) throws Exception {
    return (Map<String, Object>) StepInvoker.invoke(step, args, context());
  }

  List<String> secrets() {
    return List.of(sandbox.serviceAccount().clientSecret().reveal(), sandbox.vcenterPassword().reveal(),
        sandbox.applicationKey().applicationSecret().reveal());
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
