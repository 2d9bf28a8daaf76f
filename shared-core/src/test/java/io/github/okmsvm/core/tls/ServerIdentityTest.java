package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
  @TempDir Path dir;
  private OpenSsl openssl;

  @BeforeEach
  void certificates() {
    openssl = new OpenSsl(dir).ca("okms-ca")
        .leaf("kmip", "okms-ca", "/CN=eu-west-rbx.okms.ovh.net",
            "subjectAltName=DNS:eu-west-rbx.okms.ovh.net,IP:192.0.2.10", "extendedKeyUsage=serverAuth")
        .leaf("wildcard", "okms-ca", "/CN=okms", "subjectAltName=DNS:*.okms.ovh.net", "extendedKeyUsage=serverAuth")
        .leaf("credential", "okms-ca", "/CN=2f1a6a8e-5b8c-4c7a-9f0e-1d2c3b4a5e6f",
            "subjectAltName=otherName:1.3.6.1.4.1.311.20.2.3;UTF8:okms.domain:2f1a6a8e",
            "extendedKeyUsage=clientAuth");
  }

  @Test
  void aServerCertificateForTheHostByNameWildcardOrAddressPasses() {
    assertThatCode(() -> ServerIdentity.verify(cert("kmip"), "EU-WEST-RBX.okms.ovh.net", "kmipEndpoint"))
        .doesNotThrowAnyException();
    assertThatCode(() -> ServerIdentity.verify(cert("kmip"), "192.0.2.10", "kmipEndpoint"))
        .doesNotThrowAnyException();
    assertThatCode(() -> ServerIdentity.verify(cert("wildcard"), "ca-east-bhs.okms.ovh.net", "kmipEndpoint"))
        .doesNotThrowAnyException();
  }

  @Test
  void aClientCredentialOfTheSameCaIsRefused() {
    assertThatThrownBy(() -> ServerIdentity.verify(cert("credential"), "eu-west-rbx.okms.ovh.net", "kmipEndpoint"))
        .isInstanceOf(TlsException.class)
        .hasMessage("kmipEndpoint eu-west-rbx.okms.ovh.net presented a certificate"
            + " (CN=2f1a6a8e-5b8c-4c7a-9f0e-1d2c3b4a5e6f) that is not a TLS server certificate (no serverAuth"
            + " extended key usage): it is not a KMIP server's; check kmipEndpoint");
  }

  @Test
  void aServerCertificateForAnotherHostIsRefused() {
    assertThatThrownBy(() -> ServerIdentity.verify(cert("kmip"), "kms.attacker.example", "kmipEndpoint"))
        .hasMessage("kmipEndpoint kms.attacker.example presented a certificate (CN=eu-west-rbx.okms.ovh.net) for"
            + " DNS:eu-west-rbx.okms.ovh.net, IP:192.0.2.10, not for kms.attacker.example: check kmipEndpoint");
    assertThatThrownBy(() -> ServerIdentity.verify(cert("wildcard"), "a.b.okms.ovh.net", "kmipEndpoint"))
        .hasMessageContaining("not for a.b.okms.ovh.net");
  }

  private X509Certificate cert(String name) {
    return Pem.certificate(openssl.read(name + ".crt"), name);
  }
}
