package io.github.okmsvm.core.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EncryptionFlowTest {
  private final List<String> calls = new ArrayList<>();

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
  void everyStepValidatesBeforeAnyReadsAndEveryStepReadsBeforeAnyRuns() {
    EncryptionFlow.run(List.of(new Recording("a"), new Recording("b")), context());

    assertThat(calls).containsExactly("validate a", "validate b", "preflight a", "preflight b", "run a", "run b");
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
    return new StepContext(EncryptionSettings.builder().build(), null, null, event -> { });
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
