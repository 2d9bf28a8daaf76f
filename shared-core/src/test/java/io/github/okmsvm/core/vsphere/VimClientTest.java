package io.github.okmsvm.core.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.ConfigurationException;
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
  void plainHttpIsRefusedUnlessTheLabOptInIsGiven() {
    assertThatThrownBy(() -> VimClient.connect("http://vcenter.example/sdk", "admin", Secret.of("pw-value"),
        VimTls.system(), Duration.ofSeconds(1), line -> { }))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("vcenterServer 'http://vcenter.example/sdk' uses plain HTTP, which would send vCenter's password"
            + " in clear: give the https:// URL (or the host name alone); for a lab simulator only, set"
            + " vcenterInsecure=true as well");
  }

  @Test
  void aPinMustBeAThumbprint() {
    assertThatThrownBy(() -> VimTls.pinned("AB:CD"))
        .hasMessage("vcenterThumbprint 'AB:CD' is neither a SHA-1 nor a SHA-256 thumbprint: write it as AA:BB:…"
            + " (40 or 64 hex digits)");
    assertThat(VimTls.insecure()).hasToString("INSECURE: certificate not verified");
  }
}
