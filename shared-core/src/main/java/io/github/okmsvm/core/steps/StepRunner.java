package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.event.ProgressEvent;
import java.time.Duration;
import java.util.List;

/** Runs steps with their progress events: started, each change, finished with its duration. */
final class StepRunner {
  private StepRunner() {}

  /** Runs {@code step} in its own {@code context}. */
  static StepResult run(GuideStep step, StepContext context, int index, int total) {
    context.listener().on(new ProgressEvent.Started(step.name(), index, total));
    long started = System.nanoTime();
    String summary = step.run(context);
    List<String> changes = context.changes();
    context.listener().on(new ProgressEvent.Finished(step.name(), index, total, summary, !changes.isEmpty(),
        Duration.ofNanos(System.nanoTime() - started)));
    return new StepResult(step.name(), changes, context.outputs(), summary);
  }
}
