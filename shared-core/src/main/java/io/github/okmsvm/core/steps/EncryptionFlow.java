package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The guide, steps 1 to 6 in its order, each step's outputs passed on to the next; and the one place that says which
 * of them each {@link Command} runs.
 */
public final class EncryptionFlow {
  private EncryptionFlow() {}

  /** Steps 1 to 6; without {@code prerequisites}, step 6 alone (with the storage policy of step 5). */
  public static List<GuideStep> steps(boolean prerequisites) {
    if (!prerequisites) {
      return List.of(new VcenterEncryptionPolicyTask(), new VcenterEncryptVmTask());
    }
    return List.of(new OkmsOrderTask(), new PccOpenKmsFlowTask(), new VcenterTrustOkmsTask(), new OvhIamPolicyTask(),
        new VcenterEncryptionPolicyTask(), new VcenterEncryptVmTask());
  }

  /**
   * The steps {@code command} runs. A step that needs the OKMS finds it first (step 1 without {@code order} only
   * reads); {@code prerequisites} makes {@link Command#ENCRYPT_VM} converge steps 1 to 5 too; {@code reportDirectory}
   * is where the gate writes its reports (null for none).
   */
  public static List<GuideStep> forCommand(Command command, boolean prerequisites, Path reportDirectory) {
    return switch (command) {
      case ORDER -> List.of(new OkmsOrderTask());
      case OPEN_KMS_FLOW -> List.of(new OkmsOrderTask(), new PccOpenKmsFlowTask());
      case TRUST -> List.of(new OkmsOrderTask(), new VcenterTrustOkmsTask());
      case IAM_POLICY -> List.of(new OkmsOrderTask(), new OvhIamPolicyTask());
      case ENCRYPTION_POLICY -> List.of(new VcenterEncryptionPolicyTask());
      case ENCRYPT_VM -> steps(prerequisites);
      case CHECK -> List.of(new VcenterEncryptionComplianceTask(reportDirectory));
      case REKEY -> List.of(new VcenterRekeyVmTask());
    };
  }

  /**
   * Every setting {@code command} reads: its steps' own (steps 1 to 6 for {@link Command#ENCRYPT_VM}), with
   * {@code plan} and {@code timeoutSeconds}, which every step honours.
   */
  public static Set<String> settingsOf(Command command) {
    Set<String> names = SettingNames.of(List.of(SettingNames.PLAN, SettingNames.TIMEOUT_SECONDS));
    forCommand(command, true, null).forEach(step -> names.addAll(step.settings()));
    return names;
  }

  /**
   * Runs {@code steps} as in the guide's order, after every step's validation: a bad input never leaves a half-done
   * setup, and every bad setting is reported in one message. The steps' preflights start together, and each step
   * right after its own preflight, so that what they read overlaps; but no step changes anything before every
   * preflight passed and every step before it ended without a change, and a step that read ahead of a change before
   * it runs again after it (see {@link Speculation}): the changes, the events and the results are those of a run in
   * the guide's order. The first failure stops the flow (a new run resumes from there).
   */
  public static List<StepResult> run(List<GuideStep> steps, StepContext context) {
    List<UserException> problems = new ArrayList<>();
    for (GuideStep step : steps) {
      try {
        step.validate(context.settings());
      } catch (UserException e) {
        problems.add(e);
      }
    }
    if (!problems.isEmpty()) {
      throw ConfigurationException.all(problems);
    }
    Speculation speculation = new Speculation(steps.size(), context.runListener());
    ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "okms-step");
      thread.setDaemon(true);
      return thread;
    });
    try {
      if (steps.stream().anyMatch(step -> step.settings().contains(SettingNames.VCENTER_SERVER))) {
        // vCenter's login heads the run's longest chain of calls: started before any step is
        pool.submit(context::connectVcenterAhead);
      }
      StepContext preflightContext = context.forStep("", speculation.preflight());
      List<Future<?>> preflights = new ArrayList<>();
      List<StepContext> contexts = new ArrayList<>();
      List<Future<StepResult>> attempts = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        GuideStep step = steps.get(i);
        Future<?> preflight = pool.submit(() -> step.preflight(preflightContext));
        preflights.add(preflight);
        StepContext stepContext = context.forStep(step.name(), speculation.turn(i));
        speculation.attach(i, stepContext);
        int index = i + 1;
        contexts.add(stepContext);
        attempts.add(pool.submit(() -> {
          ReadAhead.outcome(preflight); // a step may keep what its preflight read
          return StepRunner.run(step, stepContext, index, steps.size());
        }));
      }
      preflights.forEach(ReadAhead::outcome);
      speculation.preflight().goLive();
      speculation.preflightPassed();
      List<StepResult> results = new ArrayList<>();
      boolean ahead = true;
      for (int i = 0; i < steps.size(); i++) {
        StepContext stepContext = contexts.get(i);
        StepResult result;
        if (ahead) {
          result = ReadAhead.outcome(attempts.get(i));
          stepContext.turn().goLive();
        } else {
          stepContext = context.forStep(steps.get(i).name(), Speculation.current(context.runListener()));
          result = StepRunner.run(steps.get(i), stepContext, i + 1, steps.size());
        }
        stepContext.keepOutputs();
        results.add(new StepResult(result.step(), result.changes(), stepContext.outputs(), result.summary()));
        speculation.accept(i, result.changed());
        if (ahead && result.changed()) {
          ahead = false;
          attempts.subList(i + 1, attempts.size()).forEach(attempt -> attempt.cancel(true));
        }
      }
      return results;
    } finally {
      speculation.stop();
      pool.shutdownNow();
      awaitEnd(pool, context.settings().timeout);
    }
  }

  /**
   * Waits for every step still running: a step stopped by an interruption (a Jenkins abort) puts back what it was
   * doing (a VM it shut down is powered on again) before the run's clients are closed, so this wait is not cut short
   * by the interruption, which is passed on once it is over. Steps that read ahead end at their next call. Bounded by
   * the steps' own waits, and by {@code timeout} and a minute besides.
   */
  private static void awaitEnd(ExecutorService pool, Duration timeout) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + timeout.plusMinutes(1).toNanos();
    try {
      while (!pool.isTerminated() && System.nanoTime() < deadline) {
        try {
          pool.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
