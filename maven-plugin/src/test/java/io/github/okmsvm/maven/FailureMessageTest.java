package io.github.okmsvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.steps.StepException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's wording reaches Maven users unchanged, with settings named as they write them. */
class FailureMessageTest {
  @Test
  void aSettingIsNamedAsAnOkmsProperty() {
    assertThat(AbstractOkmsMojo.message("order", new ConfigurationException("region", "is missing: give eu-west-rbx")))
        .isEqualTo("okms.region is missing: give eu-west-rbx");
  }

  @Test
  void severalProblemsComeTogetherOneALine() {
    ConfigurationException both = (ConfigurationException) ConfigurationException.all(List.of(
        new ConfigurationException("region", "is missing: give eu-west-rbx"),
        new ConfigurationException("kmipEndpoint", "'x:0': port 0 is outside 1-65535")));

    assertThat(AbstractOkmsMojo.message("encrypt-vm", both)).isEqualTo("[okms] encrypt-vm: 2 settings need fixing:\n"
        + "  okms.region is missing: give eu-west-rbx\n  okms.kmipEndpoint 'x:0': port 0 is outside 1-65535");
  }

  @Test
  void aFixThatSetsASettingIsWrittenAsAProperty() {
    assertThat(AbstractOkmsMojo.message("encrypt-vm", new StepException("VM web-01 is powered on: set"
        + " allowPowerOff=true to let the step shut it down")))
        .isEqualTo("[okms] encrypt-vm failed: VM web-01 is powered on: set -Dokms.allowPowerOff=true to let the step"
            + " shut it down");
  }

  @Test
  void anyOtherUserErrorSaysWhichGoalFailed() {
    assertThat(AbstractOkmsMojo.message("trust", new StepException("vcenterTrustOkms needs the OKMS")))
        .isEqualTo("[okms] trust failed: vcenterTrustOkms needs the OKMS");
  }
}
