package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
   * Runs {@code steps} in order, after every step's preflight: a bad input never leaves a half-done setup, and every
   * bad setting is reported in one message. The first failure stops the flow (a new run resumes from there).
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
    for (GuideStep step : steps) {
      step.preflight(context);
    }
    List<StepResult> results = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      results.add(StepRunner.run(steps.get(i), context, i + 1, steps.size()));
    }
    return results;
  }
}
