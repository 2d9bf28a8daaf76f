package io.github.okmsvm.core.steps;

import java.util.ArrayList;
import java.util.List;

/**
 * The guide, steps 1 to 6 in its order, each step's outputs passed on to the next. With {@code prerequisites} off it
 * is step 6 alone (with the storage policy read by step 5, which then changes nothing when it exists).
 */
public final class EncryptionFlow {
  private EncryptionFlow() {}

  public static List<GuideStep> steps(boolean prerequisites) {
    if (!prerequisites) {
      return List.of(new VcenterEncryptionPolicyStep(), new VcenterEncryptVmStep());
    }
    return List.of(new OkmsOrderStep(), new PccOpenKmsFlowStep(), new VcenterTrustOkmsStep(), new OvhIamPolicyStep(),
        new VcenterEncryptionPolicyStep(), new VcenterEncryptVmStep());
  }

  /** Runs {@code steps} in order; the first failure stops the flow (a new run resumes from where it stopped). */
  public static List<StepResult> run(List<GuideStep> steps, StepContext context) {
    preflight(steps, context);
    List<StepResult> results = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      results.add(StepRunner.run(steps.get(i), context, i + 1, steps.size()));
    }
    return results;
  }

  /**
   * Everything that can be checked before the first change is checked before it, so that a bad input never leaves
   * a half-done setup: the settings, the PCC, and the VMs named.
   */
  private static void preflight(List<GuideStep> steps, StepContext context) {
    if (has(steps, OkmsOrderStep.class)) {
      context.settings().validateOkms();
    }
    if (has(steps, PccOpenKmsFlowStep.class) || has(steps, OvhIamPolicyStep.class)) {
      context.settings().validatePcc();
    }
    if (has(steps, VcenterEncryptionPolicyStep.class) || has(steps, VcenterEncryptVmStep.class)
        || has(steps, VcenterEncryptionComplianceStep.class)) {
      context.settings().validateVcenter();
    }
    if (has(steps, VcenterEncryptVmStep.class) || has(steps, VcenterEncryptionComplianceStep.class)) {
      context.settings().validateVms();
    }
    if (has(steps, PccOpenKmsFlowStep.class) || has(steps, OvhIamPolicyStep.class)) {
      PccOpenKmsFlowStep.dedicatedCloud(context.pcc(), context.settings().pccServiceName);
    }
    if (has(steps, VcenterEncryptVmStep.class)) {
      VmSelection.select(context);
    }
  }

  private static boolean has(List<GuideStep> steps, Class<? extends GuideStep> type) {
    return steps.stream().anyMatch(type::isInstance);
  }
}
