package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMatchTest {
  @TempDir Path dir;

  @Test
  void matchesKeyCertificateAndCsrThatBelongTogether() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("one", "ca", "/CN=one");
    PrivateKey key = Pem.privateKey(openssl.read("one.key"), "key");
    X509Certificate certificate = Pem.certificate(openssl.read("one.crt"), "crt");
    PKCS10CertificationRequest csr = Pem.csr(openssl.read("one.csr"), "csr");

    assertThat(KeyMatch.matches(key, certificate)).isTrue();
    assertThat(KeyMatch.matches(key, csr)).isTrue();
    assertThat(KeyMatch.matches(certificate, csr)).isTrue();
  }

  @Test
  void refusesWhatDoesNotBelongTogetherAcrossKeyTypes() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("one", "ca", "/CN=one").leaf("two", "ca", "/CN=two");
    PrivateKey oneKey = Pem.privateKey(openssl.read("one.key"), "key");
    PrivateKey caKey = Pem.privateKey(openssl.read("ca.key"), "key");
    X509Certificate two = Pem.certificate(openssl.read("two.crt"), "crt");
    X509Certificate ca = Pem.certificate(openssl.read("ca.crt"), "crt");

    assertThat(KeyMatch.matches(oneKey, two)).isFalse();
    assertThat(KeyMatch.matches(oneKey, ca)).isFalse();
    assertThat(KeyMatch.matches(caKey, ca)).isTrue();
    assertThat(KeyMatch.matches(caKey, two)).isFalse();
    assertThat(KeyMatch.matches(two, Pem.csr(openssl.read("one.csr"), "csr"))).isFalse();
  }
}
