package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.LinkedHashMap;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How Jenkins binds pipeline arguments to each step, round trip included. */
class StepArgumentsTest {
  static Stream<Class<? extends Step>> steps() {
    return Stream.of(OkmsOrderStep.class, PccOpenKmsFlowStep.class, VcenterTrustOkmsStep.class,
        OvhIamPolicyStep.class, VcenterEncryptionPolicyStep.class, VcenterEncryptVmStep.class,
        VcenterEncryptionComplianceStep.class, VcenterRekeyVmStep.class);
  }

  /** A value for every argument, unlike any default. */
  private static Map<String, Object> everyArgument() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("region", "eu-west-gra");
    args.put("okmsId", "11111111-2222-3333-4444-555555555555");
    args.put("order", true);
    args.put("pccServiceName", "pcc-203-0-113-7");
    args.put("kmipEndpoint", "kms.example:5697");
    args.put("identityUrns", List.of("urn:v1:eu:identity:group:xx1111-ovh/ops"));
    args.put("credentialName", "vc");
    args.put("credentialValidityDays", 90);
    args.put("renewBeforeDays", 10);
    args.put("providerName", "kp");
    args.put("setDefault", false);
    args.put("iamPolicyName", "p");
    args.put("iamActions", List.of("okms:kmip:get"));
    args.put("storagePolicyName", "sp");
    args.put("vms", List.of("a-*", "b"));
    args.put("vmFolder", "DC0/vm/x");
    args.put("allowPowerOff", true);
    args.put("partial", true);
    args.put("allowEmptySelection", true);
    args.put("shutdownTimeoutSeconds", 60);
    args.put("parallelism", 2);
    args.put("timeoutSeconds", 99);
    args.put("plan", true);
    args.put("maxNonCompliant", 3);
    args.put("markUnstable", true);
    args.put("encryptedVMotion", "required");
    args.put("deepRekey", true);
    args.put("unstableNonCompliant", 1);
    args.put("minCertificateDays", 7);
    args.put("reportDirectory", "r");
    args.put("reportFormats", List.of("sarif", "junit"));
    args.put("ovhCredentialsId", "o");
    args.put("ovhEndpoint", "ovh-ca");
    args.put("ovhTokenUrl", "https://auth.example/oauth2/token");
    args.put("ovhCaFile", "ovh-ca.pem");
    args.put("vcenterServer", "vc.example");
    args.put("vcenterCredentialsId", "v");
    args.put("vcenterThumbprint", "AA:BB");
    args.put("vcenterCaFile", "vcenter-ca.pem");
    args.put("vcenterInsecure", true);
    return args;
  }

  /** A value for every argument {@code stepClass} takes. */
  private static Map<String, Object> everyArgumentOf(Class<? extends Step> stepClass) {
    Map<String, Object> args = everyArgument();
    args.keySet().retainAll(StepInvoker.arguments(stepClass));
    return args;
  }

  @ParameterizedTest
  @MethodSource("steps")
  void everyArgumentRoundTripsThroughItsGetter(Class<? extends Step> stepClass) {
    Step step = StepInvoker.instantiate(stepClass, everyArgumentOf(stepClass));

    assertThat(StepInvoker.uninstantiate(step)).containsExactlyInAnyOrderEntriesOf(everyArgumentOf(stepClass));
    assertThat(StepInvoker.uninstantiate(StepInvoker.instantiate(stepClass, StepInvoker.uninstantiate(step))))
        .isEqualTo(StepInvoker.uninstantiate(step));
  }

  /**
   * What the core's guide steps for the command read, under the core's names; logins only through credentials ids;
   * the one the constructor takes is required (not also a setter, which would make it optional).
   */
  @ParameterizedTest
  @MethodSource("steps")
  void takesExactlyTheSettingsItsGuideStepsReadAndRequiresOne(Class<? extends Step> stepClass) {
    Set<String> expected = new TreeSet<>(List.of(SettingNames.PLAN, SettingNames.TIMEOUT_SECONDS));
    Command command = ((OkmsStep) StepInvoker.instantiate(stepClass, Map.of())).command();
    EncryptionFlow.forCommand(command, false, null).forEach(step -> expected.addAll(step.settings()));
    expected.removeAll(SettingNames.CREDENTIALS);
    if (expected.contains(SettingNames.OVH_ENDPOINT)) {
      expected.add("ovhCredentialsId");
    }
    if (expected.contains(SettingNames.VCENTER_SERVER)) {
      expected.add("vcenterCredentialsId");
    }
    if (command == Command.CHECK) {
      expected.add("markUnstable");
    }

    assertThat(new TreeSet<>(StepInvoker.arguments(stepClass))).isEqualTo(expected);
    assertThat(StepInvoker.constructorArguments(stepClass)).hasSize(1)
        .doesNotContainAnyElementsOf(StepInvoker.setterArguments(stepClass));
  }

  @Test
  void aStepRefusesAnArgumentItDoesNotUse() {
    assertThatThrownBy(() -> StepInvoker.instantiate(OkmsOrderStep.class, Map.of("region", "eu-west-rbx",
        "vms", List.of("app-*"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WARNING: Unknown parameter(s) found for class type '" + OkmsOrderStep.class.getName()
            + "': vms");
  }

  @ParameterizedTest
  @MethodSource("steps")
  void unknownArgumentsAreRejectedAsJenkinsDoesInStrictMode(Class<? extends Step> stepClass) {
    assertThatThrownBy(() -> StepInvoker.instantiate(stepClass, Map.of("regoin", "x", "vmz", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WARNING: Unknown parameter(s) found for class type '" + stepClass.getName() + "': regoin,vmz");
  }

  @ParameterizedTest
  @MethodSource("steps")
  void descriptorsNameTheStepAndNeedTheBuildAndItsLog(Class<? extends Step> stepClass) {
    StepDescriptor descriptor = StepInvoker.descriptor(stepClass);

    assertThat(descriptor.getFunctionName()).matches("[a-z][A-Za-z]+");
    // the gate writes its reports into the workspace: only it needs to run inside node
    assertThat(new java.util.HashSet<Class<?>>(descriptor.getRequiredContext()))
        .isEqualTo(stepClass == VcenterEncryptionComplianceStep.class
            ? java.util.Set.of(Run.class, TaskListener.class, hudson.FilePath.class)
            : java.util.Set.of(Run.class, TaskListener.class));
    assertThat(descriptor.takesImplicitBlockArgument()).isFalse();
    assertThat(descriptor.getDisplayName()).isNotBlank().isNotEqualTo(stepClass.getSimpleName());
  }

  @Test
  void aSinglePositionalArgumentBindsToTheRequiredOne() {
    Map<String, Object> named = StepInvoker.namedArguments(OkmsOrderStep.class,
        StepInvoker.descriptor(OkmsOrderStep.class), "eu-west-rbx");

    assertThat(named).containsExactly(Map.entry("region", "eu-west-rbx"));
  }

  @Test
  void stringsAreCoercedAndWrongTypesNamed() {
    OkmsStep step = StepInvoker.instantiate(VcenterEncryptVmStep.class, Map.of("vcenterServer", "vc",
        "parallelism", "8", "allowPowerOff", "true"));

    assertThat(step.getParallelism()).isEqualTo(8);
    assertThat(step.isAllowPowerOff()).isTrue();
    assertThatThrownBy(() -> StepInvoker.instantiate(VcenterEncryptVmStep.class, Map.of("vcenterServer", "vc",
        "parallelism", "many")))
        .hasMessage(VcenterEncryptVmStep.class.getName() + ".parallelism expects int but was unable to coerce the"
            + " received value many");
  }

  @Test
  void aStepOutsideABuildIsRefusedBeforeItStarts() {
    TestStepContext noLog = new TestStepContext().with(Run.class, new TestRun());

    assertThatThrownBy(() -> StepInvoker.invoke(OkmsOrderStep.class, Map.of("region", "eu-west-rbx"), noLog))
        .hasMessage("Required context interface hudson.model.TaskListener is missing");
    assertThat(noLog.outcome).isNotDone();
  }

  @Test
  void functionNamesAreTheGuidesAndUnique() {
    assertThat(steps().map(StepInvoker::descriptor).map(StepDescriptor::getFunctionName)).containsExactly(
        "okmsOrder", "pccOpenKmsFlow", "vcenterTrustOkms", "ovhIamPolicy", "vcenterEncryptionPolicy",
        "vcenterEncryptVm", "vcenterEncryptionCompliance", "vcenterRekeyVm");
  }
}
