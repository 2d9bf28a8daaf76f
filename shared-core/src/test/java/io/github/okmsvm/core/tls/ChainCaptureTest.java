package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainCaptureTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private OpenSsl serverPki() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("server", "ca", "/CN=localhost",
        "subjectAltName=DNS:localhost,IP:127.0.0.1", "extendedKeyUsage=serverAuth");
    openssl.run("pkcs12", "-export", "-in", "server.crt", "-inkey", "server.key", "-certfile", "ca.crt",
        "-out", "server.p12", "-passout", "pass:changeit");
    return openssl;
  }

  @Test
  void capturesTheChainThumbprintAndIpv4WithoutTrustingTheServer() throws Exception {
    OpenSsl openssl = serverPki();
    try (TlsTestServer server = TlsTestServer.start(openssl.bytes("server.p12"), PASSWORD, false)) {
      CapturedChain captured = ChainCapture.capture(new TlsEndpoint("localhost", server.port()), TIMEOUT);

      String fingerprint = openssl.run("x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1").strip();
      assertThat(captured.thumbprint().sha1()).isEqualTo(fingerprint.substring(fingerprint.indexOf('=') + 1));
      assertThat(captured.ipv4()).isEqualTo("127.0.0.1");
      assertThat(captured.tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
      assertThat(captured.chain()).extracting(c -> c.getSubjectX500Principal().getName())
          .containsExactly("CN=localhost", "CN=ca");
      ChainVerifier.verify(captured.chain(), openssl.read("ca.crt"), "publicCA");
    }
  }

  @Test
  void stillCapturesFromAServerThatRequiresAClientCertificate() throws Exception {
    OpenSsl openssl = serverPki();
    try (TlsTestServer server = TlsTestServer.start(openssl.bytes("server.p12"), PASSWORD, true)) {
      CapturedChain captured = ChainCapture.capture(new TlsEndpoint("127.0.0.1", server.port()), TIMEOUT);

      assertThat(captured.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }
  }

  @Test
  void refusesAChainFromAnotherCa() throws Exception {
    OpenSsl openssl = serverPki().ca("other");
    try (TlsTestServer server = TlsTestServer.start(openssl.bytes("server.p12"), PASSWORD, false)) {
      CapturedChain captured = ChainCapture.capture(new TlsEndpoint("127.0.0.1", server.port()), TIMEOUT);

      assertThatThrownBy(() -> ChainVerifier.verify(captured.chain(), openssl.read("other.crt"), "publicCA"))
          .isInstanceOf(TlsException.class)
          .hasMessageStartingWith("the certificate of CN=localhost (issuer CN=ca) does not chain to publicCA: ")
          .hasMessageEndingWith("check that the endpoint belongs to this OKMS and that publicCA is its publicCA");
    }
  }

  @Test
  void namesTheCauseWhenThereIsNoTlsOrNoServer() throws Exception {
    try (TlsTestServer plain = TlsTestServer.plainText()) {
      assertThatThrownBy(() -> ChainCapture.capture(new TlsEndpoint("127.0.0.1", plain.port()), TIMEOUT))
          .hasMessageStartingWith("TLS handshake with 127.0.0.1:" + plain.port() + " failed")
          .hasMessageEndingWith("check that this port speaks TLS 1.2 or later");
    }
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    assertThatThrownBy(() -> ChainCapture.capture(new TlsEndpoint("127.0.0.1", closedPort), TIMEOUT))
        .hasMessageStartingWith("cannot connect to 127.0.0.1:" + closedPort + " (127.0.0.1): ")
        .hasMessageEndingWith("check the host and the port");
    assertThatThrownBy(() -> ChainCapture.resolveIpv4("no-such-host.invalid"))
        .hasMessage("host 'no-such-host.invalid' does not resolve: check its spelling and this machine's DNS");
  }
}
