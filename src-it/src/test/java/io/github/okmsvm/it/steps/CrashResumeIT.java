package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.sandbox.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every write the flow makes, a run whose answer to that write is lost (the write is applied, the run dies
 * there), then a plan, then a new run: the plan lists exactly the changes that run makes, and the run converges, with
 * exactly one of everything.
 */
class CrashResumeIT {
  private static List<String> kinds(List<String> changes) {
    return changes.stream().map(change -> change.split(" ")[0]).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "POST /v1/order/cart",
    "POST /v1/order/cart/{cartId}/assign",
    "POST /v1/order/cart/{cartId}/okms",
    "POST /v1/order/cart/{cartId}/item/{itemId}/configuration",
    "POST /v1/order/cart/{cartId}/checkout",
    "POST /v1/me/order/{orderId}/pay",
    "POST /v1/dedicatedCloud/{serviceName}/vmEncryption/kms",
    "POST /v2/okms/resource/{okmsId}/credential",
    "POST /v2/iam/policy",
    "RegisterKmipServer",
    "UploadKmipServerCert",
    "GenerateClientCsr",
    "UpdateKmsSignedCsrClientCert",
    "MarkDefault",
    "PbmCreate",
    "ShutdownGuest",
    "ReconfigVM_Task",
    "PowerOnVM_Task",
  })
  void aRunThatDiesRightAfterAWriteIsFinishedByTheNextWithoutDuplicates(String write) throws Exception {
    try (FlowHarness flow = FlowHarness.start()) {
      if (write.startsWith("POST ")) {
        flow.sandbox.ovhApi().faults().inject(write, new Fault.LoseAnswer(), 1);
      } else {
        flow.sandbox.vcenterServer().faults().inject(write, new Fault.LoseAnswer(), 1);
      }
      EncryptionSettings settings = flow.settings().vms(List.of("app-*", "db-01", "web-01")).allowPowerOff(true)
          .build();

      try {
        flow.run(settings);
      } catch (RuntimeException expected) {
        // the run died after the write; what matters is the next one
      }
      // the next run comes once vCenter has finished what the dead one started (a power-on whose answer was lost)
      flow.sandbox.vcenterServer().awaitTasks(Duration.ofSeconds(10));
      long writesBeforePlan = flow.ovhWrites() + flow.vcenterWrites();
      List<String> planned = FlowHarness.changes(flow.run(flow.settings().vms(settings.vms).allowPowerOff(true)
          .plan(true).build()));
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).as("a plan writes nothing").isEqualTo(writesBeforePlan);

      List<String> made = FlowHarness.changes(flow.run(settings));

      assertThat(kinds(planned)).as("the plan lists what the next run does").containsExactlyElementsOf(kinds(made));
      for (int i = 0; i < made.size(); i++) {
        String expected = made.get(i);
        // values the plan cannot know before the OKMS exists (its endpoint, its thumbprint) are named, not guessed
        assertThat(planned.get(i)).as("planned change %d", i + 1).satisfiesAnyOf(
            change -> assertThat(change).isEqualTo(expected),
            change -> assertThat(change).contains("the new OKMS"));
      }

      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(1, 1, 1, 1, 1, 1, 1));
      for (String vm : List.of("app-01", "app-02", "db-01", "web-01")) {
        assertThat(flow.vm(vm).fullyEncrypted()).as(vm).isTrue();
      }
      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      assertThat(flow.vm("web-01").leftPoweredOff()).as("the power-off mark is gone").isFalse();
      long writes = flow.ovhWrites() + flow.vcenterWrites();
      flow.run(settings);
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).as("a third run changes nothing").isEqualTo(writes);
    }
  }
}
