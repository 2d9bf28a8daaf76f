package io.github.okmsvm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {
  @Test
  void helpIsHelpNotAPccName() {
    assertThat(SandboxOptions.parse(List.of("--help")).help()).isTrue();
    assertThat(SandboxOptions.USAGE).contains("--pcc NAME", "--vms N", "--latency MS", "--task-duration MS");
  }

  @Test
  void optionsAreReadStrictly() {
    SandboxOptions options = SandboxOptions.parse(List.of("--pcc", "pcc-203-0-113-7", "--vms", "10000", "--latency",
        "25"));

    assertThat(options).isEqualTo(new SandboxOptions(false, "pcc-203-0-113-7", 10000, 2, Duration.ofMillis(25),
        Duration.ofMillis(200)));
    assertThatThrownBy(() -> SandboxOptions.parse(List.of("pcc-1"))).hasMessage("'pcc-1' is not an option (see"
        + " --help)");
    assertThatThrownBy(() -> SandboxOptions.parse(List.of("--vms", "many"))).hasMessage("--vms 'many' is not a"
        + " number from 1 to 1000000");
    assertThatThrownBy(() -> SandboxOptions.parse(List.of("--latency"))).hasMessage("--latency needs a value");
  }
}
