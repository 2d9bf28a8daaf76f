package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.OkmsOrderTask;
import io.github.okmsvm.core.steps.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two runs started at the same moment against one account: never two orders, exactly one of everything. */
class ConcurrentRunsIT {
  @RepeatedTest(5)
  void twoRunsOnAFreshAccountPlaceOneOrder() throws Exception {
    try (FlowHarness flow = FlowHarness.start()) {
      EncryptionSettings settings = flow.settings().build();

      List<List<StepResult>> results = together(() -> flow.run(List.of(new OkmsOrderTask()), settings));

      assertThat(results).allSatisfy(result -> assertThat(result.get(0).outputs()).containsKey("okmsId"));
      assertThat(results.get(0).get(0).outputs().get("okmsId"))
          .isEqualTo(results.get(1).get(0).outputs().get("okmsId"));
      assertThat(flow.inventory().orders()).isEqualTo(1);
      assertThat(flow.inventory().okms()).isEqualTo(1);
    }
  }

  @Test
  void twoWholeFlowsOnAFreshAccountEndWithOneOfEverything() throws Exception {
    try (FlowHarness flow = FlowHarness.start()) {
      EncryptionSettings settings = flow.settings().allowPowerOff(true).vms(List.of("app-*", "db-01", "web-01"))
          .build();

      together(() -> flow.run(settings));

      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(1, 1, 1, 1, 1, 1, 1));
      for (String vm : List.of("app-01", "app-02", "db-01", "web-01")) {
        assertThat(flow.vm(vm).fullyEncrypted()).as(vm).isTrue();
        assertThat(flow.vm(vm).leftPoweredOff()).as(vm).isFalse();
      }
      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      assertThat(flow.sandbox.vcenterServer().counters().count("ShutdownGuest")).as("web-01 shut down once")
          .isEqualTo(1);
    }
  }

  @RepeatedTest(3)
  void twoWholeFlowsWithAnExistingOkmsEndWithOneOfEverything() throws Exception {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      EncryptionSettings settings = flow.settings().build();

      together(() -> flow.run(settings));

      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(0, 1, 1, 1, 1, 1, 1));
      long writes = flow.ovhWrites() + flow.vcenterWrites();
      flow.run(settings);
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).as("converged").isEqualTo(writes);
    }
  }

  @Test
  void twoEncryptionsOfTheSameVmsAtOnceTouchEachVmOnce() throws Exception {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      flow.run(flow.settings().vms(List.of("app-01")).build());
      EncryptionSettings settings = flow.settings().allowPowerOff(true).vms(List.of("app-02", "db-01", "web-01"))
          .build();
      flow.sandbox.vcenterServer().counters().reset();

      List<GuideStep> stepSix = EncryptionFlow.steps(false);
      together(() -> flow.run(stepSix, settings));

      assertThat(flow.sandbox.vcenterServer().counters().count("ShutdownGuest")).isEqualTo(1);
      assertThat(flow.sandbox.vcenterServer().counters().count("PowerOnVM_Task")).isEqualTo(1);
      for (String vm : List.of("app-02", "db-01", "web-01")) {
        assertThat(flow.vm(vm).fullyEncrypted()).as(vm).isTrue();
      }
    }
  }

  /** Runs {@code run} twice at the same moment; both must succeed. */
  private static <T> List<T> together(Supplier<T> run) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return run.get();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
