package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.report.ReportWriters;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.steps.VcenterEncryptionComplianceTask;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.wait.Poller;
import io.github.okmsvm.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storms of read faults, and secrets that must never show. */
class ResilienceIT {
  private static void storms(FlowHarness flow) {
    List<Fault> kinds = List.of(new Fault.ServerError(503), new Fault.TooManyRequests(0), new Fault.Reset(),
        new Fault.ServerError(500));
    flow.sandbox.ovhApi().faults().storm(7, 0.1, "GET", kinds);
    flow.sandbox.vcenterServer().faults().storm(11, 0.1, "RetrievePropertiesEx", List.of(new Fault.Reset(),
        new Fault.ServerError(500)));
    flow.sandbox.vcenterServer().faults().inject("PbmQueryProfile", new Fault.Stall(Duration.ofMillis(300)), 1);
  }

  @Test
  void convergesThroughAStormOfReadFaultsOnBothApis() {
    try (FlowHarness flow = FlowHarness.start()) {
      storms(flow);

      flow.run(flow.settings().build());

      assertThat(flow.sandbox.ovhApi().faults().stormStrikes()).as("OVHcloud API calls struck").isPositive();
      assertThat(flow.sandbox.vcenterServer().faults().stormStrikes()).as("vCenter calls struck").isPositive();
      flow.sandbox.ovhApi().faults().clear();
      flow.sandbox.vcenterServer().faults().clear();
      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(1, 1, 1, 1, 1, 1, 1));
      assertThat(flow.vm("db-01").fullyEncrypted()).isTrue();
    }
  }

  /** The storms above are real: without retries, the same run fails on a fault they inject. */
  @Test
  void theSameStormsFailARunWhoseClientsDoNotRetry() {
    try (FlowHarness flow = FlowHarness.start().withoutRetries()) {
      storms(flow);

      assertThatThrownBy(() -> flow.run(flow.settings().build())).isInstanceOf(RuntimeException.class);
      assertThat(flow.sandbox.ovhApi().faults().stormStrikes() + flow.sandbox.vcenterServer().faults().stormStrikes())
          .isPositive();
    }
  }

  @Test
  void noSecretReachesAnEventALogLineAReportOrAnError() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<String> captured = new ArrayList<>();
      EncryptionSettings settings = flow.settings().build();
      List<StepResult> results = flow.run(settings);
      results.forEach(result -> captured.add(result.toString()));
      VcenterEncryptionComplianceTask gate = new VcenterEncryptionComplianceTask(null);
      flow.run(List.of(gate), settings);
      captured.add(ReportWriters.json(gate.report()));
      captured.add(ReportWriters.junit(gate.report()));
      captured.add(ReportWriters.markdown(gate.report()));
      captured.add(ReportWriters.html(gate.report()));
      OvhCredentials.ApplicationKey keys = flow.sandbox.applicationKey();
      for (Runnable failing : List.<Runnable>of(
          () -> failingRun(flow, new OvhCredentials.ApplicationKey(keys.applicationKey(),
              Secret.of(keys.applicationSecret().reveal() + "x"), keys.consumerKey()), flow.sandbox.vcenterPassword()),
          () -> failingRun(flow, keys, Secret.of(flow.sandbox.vcenterPassword().reveal() + "x")),
          () -> failingRun(flow, new OvhCredentials.ServiceAccount(flow.sandbox.serviceAccount().clientId(),
              Secret.of(flow.sandbox.serviceAccount().clientSecret().reveal() + "x")),
              flow.sandbox.vcenterPassword()))) {
        try {
          failing.run();
        } catch (RuntimeException e) {
          for (Throwable t = e; t != null; t = t.getCause()) {
            captured.add(t.toString());
          }
        }
      }
      flow.events.forEach(event -> captured.add(event.toString()));
      captured.addAll(flow.wireLog);
      captured.add(keys.toString());
      captured.add(flow.sandbox.serviceAccount().toString());

      String everything = String.join("\n", captured);
      assertThat(flow.events).anyMatch(event -> event instanceof ProgressEvent.Changed);
      assertThat(flow.wireLog).isNotEmpty();
      for (String secret : List.of(keys.applicationSecret().reveal(), keys.consumerKey().reveal(),
          flow.sandbox.serviceAccount().clientSecret().reveal(), flow.sandbox.vcenterPassword().reveal(),
          "PRIVATE KEY")) {
        assertThat(everything).doesNotContain(secret);
      }
    }
  }

  private static void failingRun(FlowHarness flow, OvhCredentials ovh, Secret vcenterPassword) {
    StepContext context = new StepContext(flow.settings().build(),
        () -> OvhApi.builder().endpoint(flow.sandbox.ovhEndpoint()).credentials(ovh)
            .sslContext(flow.sandbox.clientSslContext()).log(flow.wireLog::add).build(),
        () -> VimClient.connect(flow.sandbox.vcenterUrl(), flow.sandbox.vcenterUsername(), vcenterPassword,
            flow.sandbox.vcenterTls(), Duration.ofSeconds(10), flow.wireLog::add),
        flow.events::add, new Poller(Duration.ofMillis(10), Duration.ofMillis(100)));
    try {
      EncryptionFlow.run(EncryptionFlow.steps(true), context);
    } finally {
      context.close();
    }
  }
}
