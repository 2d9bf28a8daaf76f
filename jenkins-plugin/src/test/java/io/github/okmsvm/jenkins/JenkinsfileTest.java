package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.lesfurets.jenkins.unit.BasePipelineTest;
import groovy.lang.Closure;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.util.Secret;
import io.github.okmsvm.jenkins.credentials.VsphereBinding;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's own Jenkinsfile (JenkinsPipelineUnit interprets the declarative structure) with every step
 * call forwarded to the real step classes through {@link StepInvoker}, against the sandbox.
 */
class JenkinsfileTest {
  @TempDir Path workspace;
  @TempDir Path agentWorkspace;

  /** JenkinsPipelineUnit's base, pointed at the repository root where the Jenkinsfile lives. */
  static final class Runner extends BasePipelineTest {
    Runner() {
      setScriptRoots(new String[] {".."});
      setScriptExtension("");
    }
  }

  private static Closure<Object> closure(Function<Object[], Object> body) {
    return new Closure<Object>(null) {
      private static final long serialVersionUID = 1L;

      @SuppressWarnings("unused")
      public Object doCall(Object... args) {
        return body.apply(args);
      }
    };
  }

  private static Object runBody(Object[] args) {
    return ((Closure<?>) args[args.length - 1]).call();
  }

  private static boolean exists(FilePath file) {
    try {
      return file.exists();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void forget() {
    SystemCredentialsProvider.getInstance().getCredentials().clear();
  }

  @Test
  void theJenkinsfileEncryptsTheVmsOnItsAgentAndPublishesTheGate() throws Exception {
    try (PipelineFixture pipeline = new PipelineFixture(workspace); TestAgent agent = new TestAgent("any")) {
      // agent any: every stage's workspace is on the agent, where junit and recordIssues read the reports
      FilePath agentCheckout = agent.workspace(pipeline.prepare(agentWorkspace));
      Runner runner = new Runner();
      runner.setUp();
      List<String> junit = new ArrayList<>();
      for (String block : List.of("pipeline", "stages", "steps", "script", "post", "always")) {
        runner.getHelper().registerAllowedMethod(block, List.of(Closure.class), closure(JenkinsfileTest::runBody));
      }
      runner.getHelper().registerAllowedMethod("stage", List.of(String.class, Closure.class),
          closure(JenkinsfileTest::runBody));
      runner.getHelper().registerAllowedMethod("agent", List.of(Object.class), closure(args -> null));
      runner.getHelper().registerAllowedMethod("junit", List.of(String.class), closure(args -> {
        junit.add(args[0].toString());
        assertThat(exists(agentCheckout.child(args[0].toString()))).as("junit finds " + args[0]).isTrue();
        return null;
      }));
      List<Object> sarif = new ArrayList<>();
      runner.getHelper().registerAllowedMethod("sarif", List.of(Map.class), closure(args -> {
        sarif.add(((Map<?, ?>) args[0]).get("pattern"));
        assertThat(exists(agentCheckout.child(((Map<?, ?>) args[0]).get("pattern").toString()))).isTrue();
        return args[0];
      }));
      List<Object> recorded = new ArrayList<>();
      runner.getHelper().registerAllowedMethod("recordIssues", List.of(Map.class), closure(args -> {
        recorded.add(((Map<?, ?>) args[0]).get("tools"));
        return null;
      }));
      // credentials as the Jenkinsfile's header asks for them: 'ovh-api' of the OVHcloud API kind, 'vcenter-admin'
      pipeline.credentials.add(pipeline.ovhApiCredentials("ovh-api"));
      SystemCredentialsProvider.getInstance().getCredentials().add(new TestCredentials.UsernamePassword(
          "vcenter-admin", pipeline.sandbox.vcenterUsername(),
          Secret.fromString(pipeline.sandbox.vcenterPassword().reveal())));
      // withCredentials: the bindings' variables in the environment of the steps in its block, then gone
      EnvVars block = new EnvVars();
      List<String> bound = new ArrayList<>();
      runner.getHelper().registerAllowedMethod("vsphere", List.of(Map.class), closure(args -> new VsphereBinding(
          (String) ((Map<?, ?>) args[0]).get("credentialsId"), ((Map<?, ?>) args[0]).get("server").toString())));
      runner.getHelper().registerAllowedMethod("withCredentials", List.of(List.class, Closure.class),
          closure(args -> {
            for (Object binding : (List<?>) args[0]) {
              try {
                MultiBinding.MultiEnvironment variables = ((MultiBinding<?>) binding).bind(new TestRun(), null,
                    null, pipeline.listener);
                block.putAll(variables.getPublicValues());
                block.putAll(variables.getSecretValues());
                bound.addAll(variables.getSecretValues().keySet());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
            try {
              return runBody(args);
            } finally {
              block.clear();
            }
          }));
      Map<String, Class<? extends Step>> steps = Map.of("okmsOrder", OkmsOrderStep.class, "pccOpenKmsFlow",
          PccOpenKmsFlowStep.class, "ovhIamPolicy", OvhIamPolicyStep.class, "vcenterTrustOkms",
          VcenterTrustOkmsStep.class, "vcenterEncryptionPolicy", VcenterEncryptionPolicyStep.class,
          "vcenterEncryptVm", VcenterEncryptVmStep.class, "vcenterEncryptionCompliance",
          VcenterEncryptionComplianceStep.class);
      List<String> called = new ArrayList<>();
      steps.forEach((name, type) -> runner.getHelper().registerAllowedMethod(name, List.of(Map.class),
          closure(args -> {
            called.add(name);
            try {
              Map<String, Object> trusting = new HashMap<>((Map<String, Object>) args[0]);
              if (StepInvoker.arguments(type).contains("ovhCaFile")) {
                trusting.putIfAbsent("ovhCaFile", PipelineFixture.OVH_CA_FILE);
              }
              TestStepContext context = pipeline.onAgent(agent, agentWorkspace);
              context.get(EnvVars.class).putAll(block);
              return StepInvoker.invoke(type, trusting, context);
            } catch (Exception e) {
              throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
            }
          })));
      Map<String, Object> env = new HashMap<>();
      env.put("PCC_SERVICE_NAME", PipelineFixture.PCC);
      env.put("OKMS_REGION", "eu-west-rbx");
      env.put("VSPHERE_SERVER", pipeline.sandbox.vcenterUrl());
      env.put("VCENTER_THUMBPRINT", pipeline.vcenterThumbprint);
      env.put("OVH_ENDPOINT", pipeline.sandbox.ovhEndpoint().apiBase().toString());
      runner.getBinding().setVariable("env", env);
      runner.getBinding().setVariable("any", "any");

      runner.runScript("Jenkinsfile");

      assertThat(called).containsExactly("okmsOrder", "pccOpenKmsFlow", "ovhIamPolicy", "vcenterTrustOkms",
          "vcenterEncryptionPolicy", "vcenterEncryptVm", "vcenterEncryptionCompliance");
      assertThat(junit).containsExactly("okms-reports/TEST-okms-compliance.xml");
      assertThat(sarif).containsExactly("okms-reports/compliance.sarif");
      assertThat(recorded).hasSize(1);
      assertThat(Json.mapper().readTree(agentWorkspace.resolve("okms-reports/compliance.sarif").toFile())
          .at("/runs/0/properties/compliantVms").asInt()).isEqualTo(3);
      assertThat(Files.readString(agentWorkspace.resolve("okms-reports/TEST-okms-compliance.xml")))
          .contains("failures=\"0\"");
      assertThat(workspace.resolve("okms-reports")).as("nothing written on the controller").doesNotExist();
      try (VimClient vim = VimClient.connect(pipeline.sandbox.vcenterUrl(), pipeline.sandbox.vcenterUsername(),
          pipeline.sandbox.vcenterPassword(), pipeline.sandbox.vcenterTls(), Duration.ofSeconds(10), line -> { })) {
        assertThat(new VirtualMachines(vim).list(null, 100)).allSatisfy(vm ->
            assertThat(vm.fullyEncrypted()).as(vm.name()).isTrue()).extracting(VmState::name)
            .containsExactlyInAnyOrder("app-01", "app-02", "db-01");
      }
      assertThat(bound).containsExactly("VSPHERE_PASSWORD", "VSPHERE_PASSWORD");
      assertThat(pipeline.listener.text()).contains("credentials ovh-api", "vcenterServer from the environment");
      String log = pipeline.listener.text();
      pipeline.secrets().forEach(secret -> assertThat(log).doesNotContain(secret));
    }
  }
}
