package io.github.okmsvm.core.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EncryptionFlowTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @Test
  void eachCommandRunsItsGuideStepsInTheGuidesOrder() {
    assertThat(names(Command.ORDER, true)).containsExactly("okmsOrder");
    assertThat(names(Command.OPEN_KMS_FLOW, true)).containsExactly("okmsOrder", "pccOpenKmsFlow");
    assertThat(names(Command.TRUST, true)).containsExactly("okmsOrder", "vcenterTrustOkms");
    assertThat(names(Command.IAM_POLICY, true)).containsExactly("okmsOrder", "ovhIamPolicy");
    assertThat(names(Command.ENCRYPTION_POLICY, true)).containsExactly("vcenterEncryptionPolicy");
    assertThat(names(Command.ENCRYPT_VM, true)).containsExactly("okmsOrder", "pccOpenKmsFlow", "vcenterTrustOkms",
        "ovhIamPolicy", "vcenterEncryptionPolicy", "vcenterEncryptVm");
    assertThat(names(Command.ENCRYPT_VM, false)).containsExactly("vcenterEncryptionPolicy", "vcenterEncryptVm");
    assertThat(names(Command.CHECK, true)).containsExactly("vcenterEncryptionCompliance");
    assertThat(names(Command.REKEY, true)).containsExactly("vcenterRekeyVm");
  }

  @Test
  void everyStepValidatesBeforeAnythingIsReadAndEveryStepRunsOnce() {
    List<StepResult> results = EncryptionFlow.run(List.of(new Recording("a"), new Recording("b")), context());

    assertThat(calls.subList(0, 2)).containsExactly("validate a", "validate b");
    assertThat(calls).containsExactlyInAnyOrder("validate a", "validate b", "preflight a", "preflight b", "run a",
        "run b");
    assertThat(results).extracting(StepResult::summary).containsExactly("a done", "b done");
  }

  @Test
  void noStepChangesAnythingBeforeEveryPreflightPassed() {
    GuideStep slowPreflight = new Recording("b") {
      @Override
      public void preflight(StepContext context) {
        pause(Duration.ofMillis(300));
        calls.add("preflight b passed");
      }
    };

    EncryptionFlow.run(List.of(new Changing("a", "create a"), slowPreflight), context());

    assertThat(calls.indexOf("change create a")).isGreaterThan(calls.indexOf("preflight b passed"));
  }

  @Test
  void aFailingPreflightStopsTheFlowBeforeAnyChange() {
    GuideStep refusing = new Recording("b") {
      @Override
      public void preflight(StepContext context) {
        pause(Duration.ofMillis(200));
        throw new ConfigurationException("vms", "app-01 has snapshots: remove them, or leave app-01 out");
      }
    };
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> EncryptionFlow.run(List.of(new Changing("a", "create a"), refusing),
        context(events::add))).hasMessage("vms app-01 has snapshots: remove them, or leave app-01 out");
    assertThat(calls).doesNotContain("change create a");
    assertThat(events).isEmpty();
  }

  @Test
  void stepsThatChangeNothingReadAtTheSameTimeAndReportInTheGuidesOrder() throws InterruptedException {
    CountDownLatch bReading = new CountDownLatch(1);
    AtomicBoolean overlapped = new AtomicBoolean();
    GuideStep a = new Recording("a") {
      @Override
      public String run(StepContext context) {
        overlapped.set(await(bReading));
        return "a done";
      }
    };
    GuideStep b = new Recording("b") {
      @Override
      public String run(StepContext context) {
        bReading.countDown();
        return "b done";
      }
    };
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    List<StepResult> results = EncryptionFlow.run(List.of(a, b), context(events::add));

    assertThat(overlapped).isTrue();
    assertThat(results).extracting(StepResult::summary).containsExactly("a done", "b done");
    assertThat(events).extracting(EncryptionFlowTest::describe).containsExactly("started a", "finished a",
        "started b", "finished b");
  }

  @Test
  void aStepThatReadAheadOfAChangeBeforeItRunsAgainAfterItAndShowsOnlyThatRun() {
    CountDownLatch bRead = new CountDownLatch(1);
    GuideStep a = new Changing("a", "create a") {
      @Override
      public String run(StepContext context) {
        await(bRead);
        context.put("made", "by a");
        return super.run(context);
      }
    };
    GuideStep b = new Recording("b") {
      @Override
      public String run(StepContext context) {
        calls.add("read b");
        bRead.countDown();
        context.warn("b saw " + context.output("made").orElse("nothing"));
        return "b done";
      }
    };
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    List<StepResult> results = EncryptionFlow.run(List.of(a, b), context(events::add));

    assertThat(calls.stream().filter("read b"::equals)).hasSize(2);
    assertThat(events).extracting(EncryptionFlowTest::describe).containsExactly("started a", "changed a: create a",
        "finished a", "started b", "warning b: b saw by a", "finished b");
    assertThat(results.get(1).outputs()).containsEntry("made", "by a");
  }

  @Test
  void aStepWaitsForTheOutputOfAStepBeforeIt() {
    GuideStep a = new Recording("a") {
      @Override
      public String run(StepContext context) {
        pause(Duration.ofMillis(200));
        context.put("okmsId", "okms-1");
        return "a done";
      }
    };
    GuideStep b = new Recording("b") {
      @Override
      public String run(StepContext context) {
        return "b for " + context.output("okmsId").orElse("none") + ", " + context.output("absent").orElse("none");
      }
    };

    List<StepResult> results = EncryptionFlow.run(List.of(a, b), context());

    assertThat(results.get(1).summary()).isEqualTo("b for okms-1, none");
  }

  @Test
  void aStepThatFailsStopsTheFlowWithItsOwnMessageAndNoLaterStepChangesAnything() {
    GuideStep failing = new Recording("a") {
      @Override
      public String run(StepContext context) {
        pause(Duration.ofMillis(200));
        throw new StepException("a cannot go on");
      }
    };

    assertThatThrownBy(() -> EncryptionFlow.run(List.of(failing, new Changing("b", "create b")), context()))
        .hasMessage("a cannot go on");
    assertThat(calls).doesNotContain("change create b");
  }

  @Test
  void anInterruptedRunReturnsOnlyOnceTheRunningStepPutBackWhatItWasDoing() throws InterruptedException {
    CountDownLatch working = new CountDownLatch(1);
    GuideStep powering = new Recording("a") {
      @Override
      public String run(StepContext context) {
        context.change("shut VM app-01 down to encrypt it");
        working.countDown();
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          pause(Duration.ofMillis(300)); // as powering the VM on again takes a while
          calls.add("powered app-01 on again");
          throw new StepException("interrupted while encrypting app-01; it is powered on again");
        }
        return "encrypted";
      }
    };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread run = new Thread(() -> {
      try {
        EncryptionFlow.run(List.of(powering), context());
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    run.start();
    assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

    run.interrupt();
    run.join(10_000);

    assertThat(run.isAlive()).isFalse();
    assertThat(calls).contains("powered app-01 on again");
    assertThat(thrown.get()).isInstanceOf(StepException.class);
  }

  @Test
  void aBadSettingOfALaterStepStopsTheFlowBeforeAnythingIsRead() {
    GuideStep refusing = new Recording("b") {
      @Override
      public void validate(EncryptionSettings settings) {
        throw new ConfigurationException("vms", "is empty: give VM names or globs (app-*), or vmFolder");
      }
    };

    assertThatThrownBy(() -> EncryptionFlow.run(List.of(new Recording("a"), refusing), context()))
        .hasMessage("vms is empty: give VM names or globs (app-*), or vmFolder");
    assertThat(calls).containsExactly("validate a");
  }

  @Test
  void aBadKmipEndpointIsRefusedBeforeAnOkmsIsOrderedWithEveryOtherProblem() {
    EncryptionSettings settings = EncryptionSettings.builder().region("eu-west-rbx").order(true)
        .kmipEndpoint("localhost:99999").build();
    StepContext context = new StepContext(settings, null, null, event -> { });

    assertThatThrownBy(() -> EncryptionFlow.run(EncryptionFlow.forCommand(Command.OPEN_KMS_FLOW, true, null),
        context)).isInstanceOf(ConfigurationException.class)
        .hasMessage("2 settings need fixing: kmipEndpoint 'localhost:99999': port 99999 is outside 1-65535; write"
            + " host:port, for example eu-west-rbx.okms.ovh.net:5696; pccServiceName is missing: give the Hosted"
            + " Private Cloud service name, such as pcc-198-51-100-1");
  }

  @Test
  void aStepThatNeedsAnUnconfiguredConnectionSaysSo() {
    assertThatThrownBy(() -> context().vcenter()).isInstanceOf(StepException.class)
        .hasMessage("this step needs vCenter, and no connection to it was configured");
  }

  @Test
  void eachCommandReadsOnlyTheSettingsOfItsSteps() {
    assertThat(EncryptionFlow.settingsOf(Command.CHECK)).containsExactlyInAnyOrder("plan", "timeoutSeconds", "vms",
        "vmFolder", "allowEmptySelection", "providerName", "maxNonCompliant", "unstableNonCompliant",
        "minCertificateDays", "encryptedVMotion", "reportDirectory", "reportFormats", "vcenterServer",
        "vcenterThumbprint", "vcenterCaFile", "vcenterInsecure", "vcenterUser", "vcenterPassword");
    assertThat(EncryptionFlow.settingsOf(Command.ORDER)).contains("region", "order", "ovhEndpoint")
        .doesNotContain("vms", "vcenterServer", "iamActions");
    assertThat(EncryptionFlow.settingsOf(Command.ENCRYPT_VM)).containsAll(SettingNames.SETTINGS.stream()
        .filter(name -> !List.of("maxNonCompliant", "unstableNonCompliant", "minCertificateDays", "reportDirectory",
            "reportFormats", "deepRekey").contains(name)).toList())
        .containsAll(SettingNames.CREDENTIALS);
    assertThat(EncryptionFlow.settingsOf(Command.REKEY)).containsExactlyInAnyOrder("plan", "timeoutSeconds", "vms",
        "vmFolder", "allowEmptySelection", "allowPowerOff", "partial", "shutdownTimeoutSeconds", "parallelism",
        "providerName", "region", "deepRekey", "vcenterServer", "vcenterThumbprint", "vcenterCaFile",
        "vcenterInsecure", "vcenterUser", "vcenterPassword");
  }

  private List<String> names(Command command, boolean prerequisites) {
    return EncryptionFlow.forCommand(command, prerequisites, Path.of("reports")).stream().map(GuideStep::name)
        .toList();
  }

  private static StepContext context() {
    return context(event -> { });
  }

  private static StepContext context(ProgressListener listener) {
    return new StepContext(EncryptionSettings.builder().build(), null, null, listener);
  }

  private static String describe(ProgressEvent event) {
    if (event instanceof ProgressEvent.Started started) {
      return "started " + started.step();
    }
    if (event instanceof ProgressEvent.Finished finished) {
      return "finished " + finished.step();
    }
    if (event instanceof ProgressEvent.Changed changed) {
      return "changed " + changed.step() + ": " + changed.change();
    }
    if (event instanceof ProgressEvent.Warning warning) {
      return "warning " + warning.step() + ": " + warning.message();
    }
    return event.toString();
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A step that makes one change. */
  private class Changing extends Recording {
    private final String change;

    Changing(String name, String change) {
      super(name);
      this.change = change;
    }

    @Override
    public String run(StepContext context) {
      if (context.change(change)) {
        calls.add("change " + change);
      }
      return change + " done";
    }
  }

  /** A step that only records what the flow asks of it. */
  private class Recording implements GuideStep {
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<String> settings() {
      return Set.of();
    }

    @Override
    public void validate(EncryptionSettings settings) {
      calls.add("validate " + name);
    }

    @Override
    public void preflight(StepContext context) {
      calls.add("preflight " + name);
    }

    @Override
    public String run(StepContext context) {
      calls.add("run " + name);
      return name + " done";
    }
  }
}
