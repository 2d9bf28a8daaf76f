package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.config.EncryptionSettings;
import java.util.Set;

/**
 * One step of the guide as an idempotent, converging task: it reads the state, makes only the changes that are
 * missing (none in plan mode, where it only reports them), waits until they hold, and returns its outputs.
 */
public interface GuideStep {
  /** The step's function name, the Jenkins step's too: {@code okmsOrder}, {@code vcenterTrustOkms}, … */
  String name();

  /**
   * The settings this step reads, by their {@link io.github.okmsvm.core.config.SettingNames names}, connection
   * settings included: what each front end documents and accepts for it.
   */
  Set<String> settings();

  /** Checks this step's own settings, without reading anything: every step's, before any step reads. */
  default void validate(EncryptionSettings settings) {}

  /**
   * Checks what this step needs from vCenter and the OVHcloud API before any step of the run changes anything, so
   * that a bad input never leaves a half-done setup. What it reads (the PCC, the VM selection) the context keeps for
   * the whole run.
   */
  default void preflight(StepContext context) {}

  /** Converges; {@link StepContext#change} records each change and says whether to make it. */
  String run(StepContext context);
}
