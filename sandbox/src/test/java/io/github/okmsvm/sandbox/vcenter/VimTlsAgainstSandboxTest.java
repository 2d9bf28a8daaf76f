package io.github.okmsvm.sandbox.vcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimException;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way of trusting vCenter, against the sandbox vCenter's real TLS. */
class VimTlsAgainstSandboxTest {
  private static OkmsSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = OkmsSandbox.builder().start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String connect(VimTls tls) {
    try (VimClient client = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(),
        sandbox.vcenterPassword(), tls, Duration.ofSeconds(10), line -> { })) {
      return client.apiVersion();
    }
  }

  @Test
  void trustsAGivenCaAPinnedThumbprintOrNothingByChoice() {
    URI url = URI.create(sandbox.vcenterUrl());
    var thumbprint = ChainCapture.capture(new TlsEndpoint(url.getHost(), url.getPort()), Duration.ofSeconds(5))
        .thumbprint();

    assertThat(connect(sandbox.vcenterTls())).isEqualTo("8.0.3.0");
    assertThat(connect(VimTls.pinned(thumbprint.sha1()))).isEqualTo("8.0.3.0");
    assertThat(connect(VimTls.pinned(thumbprint.sha256().toLowerCase()))).isEqualTo("8.0.3.0");
    assertThat(connect(VimTls.insecure())).isEqualTo("8.0.3.0");
  }

  @Test
  void refusesAnUnknownCertificateWithTheFix() {
    assertThatThrownBy(() -> connect(VimTls.system()))
        .isInstanceOf(VimException.class)
        .hasMessageStartingWith("TLS with vCenter 127.0.0.1 failed: ")
        .hasMessageEndingWith("trust its CA, pin its thumbprint, or (for a lab only) allow an unverified"
            + " certificate");
    assertThatThrownBy(() -> connect(VimTls.pinned("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33")))
        .hasMessageContaining("not the pinned 00:11:22");
  }
}
