package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.EnvVars;
import hudson.util.Secret;
import io.github.okmsvm.jenkins.credentials.OvhApiBinding;
import io.github.okmsvm.jenkins.credentials.VsphereBinding;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OVHcloud API credential kind, by id and through {@code withCredentials}: what the bindings export is what the
 * steps read back, so a block with both bindings needs no credentials id at all.
 */
class WithCredentialsTest {
  @TempDir Path workspace;

  @AfterEach
  void forget() {
    SystemCredentialsProvider.getInstance().getCredentials().clear();
  }

  /** A step inside the {@code withCredentials} block: the block's environment. */
  private static TestStepContext inBlock(PipelineFixture pipeline, EnvVars block) {
    return pipeline.context().with(EnvVars.class, block);
  }

  @Test
  void anOvhcloudApiCredentialServesAsOvhCredentialsId() throws Exception {
    try (PipelineFixture pipeline = new PipelineFixture(workspace)) {
      pipeline.credentials.add(pipeline.ovhApiCredentials("ovh-api"));
      Map<String, Object> args = pipeline.args(OkmsOrderStep.class, "region", "eu-west-rbx", "order", true,
          "ovhCredentialsId", "ovh-api");
      args.remove("ovhEndpoint");

      assertThat(pipeline.run(OkmsOrderStep.class, args)).containsEntry("changes", 1L);
      assertThat(pipeline.credentials.tracked).containsExactly("ovh-api");
      assertThat(pipeline.listener.text()).contains("credentials ovh-api");
    }
  }

  @Test
  void withCredentialsOvhApiAndVsphereTheStepsNeedNoCredentialsId() throws Exception {
    try (PipelineFixture pipeline = new PipelineFixture(workspace)) {
      SystemCredentialsProvider.getInstance().getCredentials().add(pipeline.ovhApiCredentials("ovh-api"));
      SystemCredentialsProvider.getInstance().getCredentials().add(new TestCredentials.UsernamePassword(
          "vcenter-admin", pipeline.sandbox.vcenterUsername(),
          Secret.fromString(pipeline.sandbox.vcenterPassword().reveal())));
      EnvVars block = new EnvVars(Map.of("WORKSPACE", workspace.toString()));
      for (MultiBinding<?> binding : new MultiBinding<?>[] {new OvhApiBinding("ovh-api"),
          new VsphereBinding("vcenter-admin", pipeline.sandbox.vcenterUrl())}) {
        MultiBinding.MultiEnvironment bound = binding.bind(new TestRun(), null, null, pipeline.listener);
        block.putAll(bound.getPublicValues());
        block.putAll(bound.getSecretValues());
      }

      StepInvoker.invoke(OkmsOrderStep.class, Map.of("region", "eu-west-rbx", "order", true, "ovhCaFile",
          PipelineFixture.OVH_CA_FILE), inBlock(pipeline, block));
      StepInvoker.invoke(PccOpenKmsFlowStep.class, Map.of("pccServiceName", PipelineFixture.PCC, "region",
          "eu-west-rbx", "ovhCaFile", PipelineFixture.OVH_CA_FILE), inBlock(pipeline, block));
      Object trust = StepInvoker.invoke(VcenterTrustOkmsStep.class, Map.of("region", "eu-west-rbx", "ovhCaFile",
          PipelineFixture.OVH_CA_FILE, "vcenterThumbprint", pipeline.vcenterThumbprint), inBlock(pipeline, block));

      assertThat(trust).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("providerName",
          "okms-eu-west-rbx");
      assertThat(pipeline.listener.text()).contains("(ovhEndpoint from the environment", "vcenterServer from the"
          + " environment");
      pipeline.secrets().forEach(secret -> assertThat(pipeline.listener.text()).doesNotContain(secret));
    }
  }
}
