package io.github.okmsvm.core.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VimClientTest {
  @Test
  void acceptsAHostNameOrAnUrlAndTalksToSdk() {
    assertThat(VimClient.sdkUrl("vcenter.example")).hasToString("https://vcenter.example/sdk");
    assertThat(VimClient.sdkUrl("https://vcenter.example:8443/")).hasToString("https://vcenter.example:8443/sdk");
    assertThat(VimClient.sdkUrl("http://user:pass@127.0.0.1:8989/sdk")).hasToString("http://127.0.0.1:8989/sdk");
  }

  @Test
  void aPinMustBeAThumbprint() {
    assertThatThrownBy(() -> VimTls.pinned("AB:CD"))
        .hasMessage("vcenterThumbprint 'AB:CD' is neither a SHA-1 nor a SHA-256 thumbprint: write it as AA:BB:…"
            + " (40 or 64 hex digits)");
    assertThat(VimTls.insecure()).hasToString("INSECURE: certificate not verified");
  }
}
