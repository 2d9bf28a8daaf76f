package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateDetailsTest {
  @TempDir Path dir;

  @Test
  void describesAnOkmsStyleCredentialCertificate() {
    OpenSsl openssl = new OpenSsl(dir).ca("CCMUsersCA").leaf("credential", "CCMUsersCA", "/CN=okms-id-1",
        "subjectAltName=critical,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:okms.domain:okms-id-1,DNS:kmip.example,"
            + "IP:192.0.2.10,email:ops@example.com",
        "keyUsage=critical,digitalSignature", "extendedKeyUsage=clientAuth");

    CertificateDetails details = CertificateDetails.of(Pem.certificate(openssl.read("credential.crt"), "crt"));

    assertThat(details.subject()).isEqualTo("CN=okms-id-1");
    assertThat(details.issuer()).isEqualTo("CN=CCMUsersCA");
    assertThat(details.subjectAltNames()).extracting(SubjectAltName::toString).containsExactly(
        "UPN:okms.domain:okms-id-1", "DNS:kmip.example", "IP:192.0.2.10", "email:ops@example.com");
    assertThat(details.key()).hasToString("EC 256 (P-256)");
    assertThat(details.keyUsage()).containsExactly("digitalSignature");
    assertThat(details.extendedKeyUsage()).containsExactly("clientAuth");
    assertThat(details.certificateAuthority()).isFalse();
    assertThat(details.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    assertThat(details.isValidAt(Instant.now())).isTrue();
    assertThat(details.isValidAt(Instant.now().plus(Duration.ofDays(3)))).isFalse();
    String serial = openssl.run("x509", "-in", "credential.crt", "-noout", "-serial").strip();
    assertThat(new java.math.BigInteger(serial.substring(serial.indexOf('=') + 1), 16).toString(16))
        .isEqualTo(details.serialNumber());
    assertThat(details.thumbprint()).isEqualTo(Thumbprint.of(Pem.certificate(openssl.read("credential.crt"), "c")));
  }

  @Test
  void describesACa() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");

    CertificateDetails details = CertificateDetails.of(Pem.certificate(openssl.read("ca.crt"), "crt"));

    assertThat(details.certificateAuthority()).isTrue();
    assertThat(details.keyUsage()).containsExactly("keyCertSign", "cRLSign");
    assertThat(details.key()).hasToString("RSA 2048");
    assertThat(details.subjectAltNames()).isEmpty();
    assertThat(details.extendedKeyUsage()).isEmpty();
  }
}
