package io.github.okmsvm.core.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VimClientTest {
  @Test
  void acceptsAHostNameOrAnUrlAndTalksToSdk() {
    assertThat(VimClient.sdkUrl("vcenter.example")).hasToString("https://vcenter.example/sdk");
    assertThat(VimClient.sdkUrl("https://vcenter.example:8443/")).hasToString("https://vcenter.example:8443/sdk");
    assertThat(VimClient.sdkUrl("http://user:pass@127.0.0.1:8989/sdk")).hasToString("http://127.0.0.1:8989/sdk");
  }

  @Test
  void pollsOftenAtFirstThenATenthOfTheWaitUpToOneSecond() {
    assertThat(TaskWaiter.pause(Duration.ZERO)).isEqualTo(Duration.ofMillis(50));
    assertThat(TaskWaiter.pause(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(300));
    assertThat(TaskWaiter.pause(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPinMustBeAThumbprint() {
    assertThatThrownBy(() -> VimTls.pinned("AB:CD"))
        .hasMessage("vCenter thumbprint 'AB:CD' is neither a SHA-1 nor a SHA-256 thumbprint: write it as AA:BB:…"
            + " (40 or 64 hex digits)");
    assertThat(VimTls.insecure()).hasToString("INSECURE: certificate not verified");
  }
}
