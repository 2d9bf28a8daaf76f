package io.github.okmsvm.sandbox.vcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimException;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.sandbox.OkmsSandbox;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
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
  void refusesAnUnknownCertificateSayingWhichAndHowToTrustIt() {
    URI url = URI.create(sandbox.vcenterUrl());
    String sha256 = ChainCapture.capture(new TlsEndpoint(url.getHost(), url.getPort()), Duration.ofSeconds(5))
        .thumbprint().sha256();

    assertThatThrownBy(() -> connect(VimTls.system()))
        .isInstanceOf(VimException.class)
        .hasMessage("vCenter 127.0.0.1 is not trusted: its certificate (CN=127.0.0.1, issued by CN=okms-sandbox API"
            + " CA, SHA-256 thumbprint " + sha256 + ") is not trusted by the system trust store. Trust its CA (set"
            + " vcenterCaFile=<its-CA.pem>; a vCenter offers its CA certificates at"
            + " https://127.0.0.1/certs/download.zip), or pin this very certificate (set vcenterThumbprint=" + sha256
            + " once you have checked it in vCenter), or, for a lab only, set vcenterInsecure=true");
    assertThatThrownBy(() -> connect(VimTls.trusting(CertificateAuthority.create("CN=Another CA").certificatePem())))
        .hasMessageContaining("is not trusted by the CA certificates of vcenterCaFile");
    assertThatThrownBy(() -> connect(VimTls.pinned("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33")))
        .hasMessageContaining("not the pinned 00:11:22");
  }
}
