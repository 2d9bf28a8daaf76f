package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps inside {@code node('pcc')}, whose workspace is on an agent: the work crosses the channel (serialized),
 * runs there, reads and writes that workspace; outside {@code node} the steps that need no file run on the controller
 * and say so; an abort during encryption leaves no VM off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StepsOnAgentTest {
  @TempDir static Path controllerWorkspace;
  @TempDir static Path agentWorkspace;
  private static PipelineFixture pipeline;
  private static TestAgent agent;

  @BeforeAll
  static void start() {
    pipeline = new PipelineFixture(controllerWorkspace, "web-01", "web-02");
    pipeline.prepare(agentWorkspace);
    agent = new TestAgent("pcc");
    try {
      // only the agent's checkout has the CA file: a step that reads it on the controller fails
      Files.delete(controllerWorkspace.resolve(PipelineFixture.OVH_CA_FILE));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    agent.close();
    pipeline.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> onAgent(Class<? extends org.jenkinsci.plugins.workflow.steps.Step> step,
      Map<String, Object> args) throws Exception {
    return (Map<String, Object>) StepInvoker.invoke(step, args, pipeline.onAgent(agent, agentWorkspace));
  }

  @Test
  @Order(1)
  void theWholeGuideRunsOnTheAgentAndTheReportsLandInItsWorkspace() throws Exception {
    onAgent(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class, "region", "eu-west-rbx", "order", true));
    onAgent(PccOpenKmsFlowStep.class, pipeline.args(PccOpenKmsFlowStep.class,
        "pccServiceName", PipelineFixture.PCC, "region", "eu-west-rbx"));
    onAgent(VcenterTrustOkmsStep.class, pipeline.args(VcenterTrustOkmsStep.class, "region", "eu-west-rbx"));
    onAgent(OvhIamPolicyStep.class, pipeline.args(OvhIamPolicyStep.class,
        "pccServiceName", PipelineFixture.PCC, "region", "eu-west-rbx"));
    onAgent(VcenterEncryptionPolicyStep.class, pipeline.args(VcenterEncryptionPolicyStep.class));
    onAgent(VcenterEncryptVmStep.class, pipeline.args(VcenterEncryptVmStep.class,
        "vms", List.of("app-*", "db-01"), "allowPowerOff", true));
    Map<String, Object> gate = onAgent(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("app-*", "db-01"), "providerName", "okms-eu-west-rbx"));

    assertThat(gate).containsEntry("compliantVms", "3").containsEntry("nonCompliantVms", "0");
    assertThat(agent.ran).as("one call over the channel per step").hasSize(7);
    assertThat(agentWorkspace.resolve("okms-reports/TEST-okms-compliance.xml")).content().contains("tests=\"3\"");
    assertThat(new hudson.FilePath(agent, agentWorkspace.toString()).child("okms-reports/compliance.sarif")
        .exists()).isTrue();
    assertThat(controllerWorkspace.resolve("okms-reports")).doesNotExist();
    String log = pipeline.listener.text();
    assertThat(log).contains("[okms]   + encrypt VM db-01 (home and 2 disks)").doesNotContain("is not inside node");
    pipeline.secrets().forEach(secret -> assertThat(log).doesNotContain(secret));
  }

  @Test
  @Order(2)
  void outsideNodeAStepThatNeedsNoFileRunsOnTheControllerAndSaysSo() throws Exception {
    Map<String, Object> args = pipeline.args(VcenterEncryptionPolicyStep.class);
    args.remove("ovhCaFile");
    int agentCalls = agent.ran.size();

    Object policy = StepInvoker.invoke(VcenterEncryptionPolicyStep.class, args, pipeline.outsideNode());

    assertThat(policy).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("storagePolicyId");
    assertThat(pipeline.listener.text()).contains("[okms] vcenterEncryptionPolicy is not inside node: it runs on the"
        + " Jenkins controller, whose network must reach what it talks to (vCenter on 443, the KMIP endpoint on 5696,"
        + " the OVHcloud API)");
    assertThat(agent.ran).hasSize(agentCalls);
  }

  @Test
  @Order(3)
  void outsideNodeAStepThatNeedsAFileIsRefused() {
    assertThatThrownBy(() -> StepInvoker.invoke(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class,
        "region", "eu-west-rbx"),
        pipeline.outsideNode()))
        .isInstanceOf(AbortException.class)
        .hasMessage("ovhCaFile is a file in the workspace, and okmsOrder is not inside node: call it inside node { }"
            + " (or a stage with an agent)");
    assertThatThrownBy(() -> StepInvoker.invoke(VcenterEncryptionComplianceStep.class,
        pipeline.args(VcenterEncryptionComplianceStep.class, "vms",
        List.of("app-*")), pipeline.outsideNode()))
        .hasMessage("Required context class hudson.FilePath is missing\nPerhaps you forgot to surround the code with"
            + " a step that provides this, such as: node");
  }

  @Test
  @Order(4)
  void anAbortDuringEncryptionLeavesNoVmOff() throws Exception {
    pipeline.sandbox.vcenterServer().taskDuration(Duration.ofMillis(600));
    TestStepContext context = pipeline.onAgent(agent, agentWorkspace);
    StepExecution execution = StepInvoker.start(VcenterEncryptVmStep.class, pipeline.args(VcenterEncryptVmStep.class,
        "vms", List.of("web-*"),
        "allowPowerOff", true), context);
    try (VimClient vim = vcenter()) {
      VirtualMachines vms = new VirtualMachines(vim);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (vms.list(null, 100).stream().filter(vm -> vm.name().startsWith("web-")).allMatch(VmState::poweredOn)) {
        assertThat(System.nanoTime()).as("a web VM powered off for its encryption").isLessThan(deadline);
        Thread.sleep(20);
      }
      // what workflow-cps passes on an abort: a FlowInterruptedException, which is an InterruptedException
      InterruptedException abort = new InterruptedException("Aborted by admin");

      execution.stop(abort);

      // the step ends at once: with the abort, or the interruption of its wait if that reports first (as in Jenkins)
      assertThat(context.outcome).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
          .isInstanceOf(InterruptedException.class);
      assertThat(agent.awaitIdle(120)).as("the agent's work ended").isTrue();
      assertThat(vms.list(null, 100)).filteredOn(vm -> vm.name().startsWith("web-")).hasSize(2)
          .allSatisfy(vm -> assertThat(vm.poweredOn()).as(vm.name() + " powered on").isTrue())
          .allSatisfy(vm -> assertThat(vm.poweredOffMarker()).as(vm.name() + " marked").isNull())
          .anySatisfy(vm -> assertThat(vm.fullyEncrypted()).as(vm.name() + ", in flight, finished").isTrue());
    } finally {
      pipeline.sandbox.vcenterServer().taskDuration(Duration.ofMillis(20));
    }
  }

  @Test
  @Order(5)
  void theOvhcloudApiIsReachedThroughJenkinsProxyAndVcenterIsNot() throws Exception {
    String api = pipeline.sandbox.ovhEndpoint().apiBase().getHost() + ":"
        + pipeline.sandbox.ovhEndpoint().apiBase().getPort();
    try (ConnectProxy proxy = new ConnectProxy()) {
      TestJenkins jenkins = new TestJenkins(new hudson.ProxyConfiguration("127.0.0.1", proxy.port()));
      try {
        onAgent(VcenterTrustOkmsStep.class, pipeline.args(VcenterTrustOkmsStep.class, "region", "eu-west-rbx"));
        assertThat(proxy.tunnels).isNotEmpty().containsOnly(api);

        proxy.tunnels.clear();
        jenkins.proxy = new hudson.ProxyConfiguration("127.0.0.1", proxy.port(), null, null,
            "*.example.org, 127.0.0.*");
        onAgent(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class, "region", "eu-west-rbx"));
      } finally {
        jenkins.close();
      }
      assertThat(proxy.tunnels).as("a No Proxy Host pattern matches the API").isEmpty();
    }
  }

  @Test
  @Order(6)
  void jenkinsProxyLoginAnswersTheProxysChallengeAndNeverReachesTheLog() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy("jenkins", "pr0xy-pa55")) {
      TestJenkins jenkins = new TestJenkins(new hudson.ProxyConfiguration("127.0.0.1", proxy.port(), "jenkins",
          "pr0xy-pa55"));
      try {
        onAgent(OkmsOrderStep.class, pipeline.args(OkmsOrderStep.class, "region", "eu-west-rbx"));
      } finally {
        jenkins.close();
      }

      assertThat(proxy.challenged).as("the proxy asked for the login").hasPositiveValue();
      assertThat(proxy.tunnels).isNotEmpty();
      assertThat(pipeline.listener.text()).doesNotContain("pr0xy-pa55");
    }
  }

  private static VimClient vcenter() {
    return VimClient.connect(pipeline.sandbox.vcenterUrl(), pipeline.sandbox.vcenterUsername(),
        pipeline.sandbox.vcenterPassword(), pipeline.sandbox.vcenterTls(), Duration.ofSeconds(10), line -> { });
  }
}
