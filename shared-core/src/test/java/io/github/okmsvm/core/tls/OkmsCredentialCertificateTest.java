package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OkmsCredentialCertificateTest {
  @TempDir Path dir;

  @Test
  void readsTheOkmsIdFromTheUpnOtherName() {
    String okmsId = "2f1a6a8e-5b8c-4c7a-9f0e-1d2c3b4a5e6f";
    OpenSsl openssl = new OpenSsl(dir).ca("CCMUsersCA").leaf("cred", "CCMUsersCA", "/CN=" + okmsId,
        "subjectAltName=critical,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:okms.domain:" + okmsId,
        "extendedKeyUsage=clientAuth");

    assertThat(OkmsCredentialCertificate.okmsId(Pem.certificate(openssl.read("cred.crt"), "certificatePEM")))
        .isEqualTo(okmsId);
  }

  @Test
  void saysWhenACertificateIsNoOkmsCredential() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("other", "ca", "/CN=other",
        "subjectAltName=otherName:1.3.6.1.4.1.311.20.2.3;UTF8:someone@example.com");

    assertThatThrownBy(() -> OkmsCredentialCertificate.okmsId(Pem.certificate(openssl.read("other.crt"), "c")))
        .hasMessage("the certificate of CN=other is not an OKMS credential certificate: it has no subject alternative"
            + " name 'okms.domain:<okmsId>'; give the certificatePEM of an OKMS credential");
  }
}
