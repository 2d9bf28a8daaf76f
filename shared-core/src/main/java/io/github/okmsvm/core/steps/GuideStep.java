package io.github.okmsvm.core.steps;

/**
 * One step of the guide as an idempotent, converging task: it reads the state, makes only the changes that are
 * missing (none in plan mode, where it only reports them), waits until they hold, and returns its outputs.
 */
public interface GuideStep {
  /** The step's function name, the Jenkins step's too: {@code okmsOrder}, {@code vcenterTrustOkms}, … */
  String name();

  /** Converges; {@link StepContext#change} records each change and says whether to make it. */
  String run(StepContext context);
}
