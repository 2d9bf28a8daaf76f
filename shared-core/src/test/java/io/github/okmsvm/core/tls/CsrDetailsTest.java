package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrDetailsTest {
  @TempDir Path dir;

  @Test
  void describesAVcenterStyleCsr() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("vcenter", "ca", "/C=FR/O=Example/CN=vcenter.example",
        "subjectAltName=DNS:vcenter.example,IP:10.0.0.5");

    CsrDetails details = CsrDetails.of(Pem.csr(openssl.read("vcenter.csr"), "csr"));

    assertThat(details.subject()).isEqualTo("CN=vcenter.example,O=Example,C=FR");
    assertThat(details.key()).hasToString("EC 256 (P-256)");
    assertThat(details.subjectAltNames()).extracting(SubjectAltName::toString)
        .containsExactly("DNS:vcenter.example", "IP:10.0.0.5");
    assertThat(details.signatureAlgorithm()).isEqualTo("SHA256WITHECDSA");
    assertThat(details.signatureValid()).isTrue();
  }

  @Test
  void seesATamperedSignature() throws Exception {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("a", "ca", "/CN=a").leaf("b", "ca", "/CN=b");
    PKCS10CertificationRequest a = Pem.csr(openssl.read("a.csr"), "a");
    PKCS10CertificationRequest b = Pem.csr(openssl.read("b.csr"), "b");
    // a's request body with b's signature
    org.bouncycastle.asn1.pkcs.CertificationRequest forged = new org.bouncycastle.asn1.pkcs.CertificationRequest(
        a.toASN1Structure().getCertificationRequestInfo(), b.getSignatureAlgorithm(), b.toASN1Structure().getSignature());

    assertThat(CsrDetails.of(new PKCS10CertificationRequest(forged)).signatureValid()).isFalse();
  }
}
