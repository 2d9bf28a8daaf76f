package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbprintTest {
  @TempDir Path dir;

  @Test
  void equalsOpensslFingerprints() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");
    X509Certificate certificate = Pem.certificate(openssl.read("ca.crt"), "ca.crt");

    Thumbprint thumbprint = Thumbprint.of(certificate);

    assertThat(thumbprint.sha1()).isEqualTo(fingerprint(openssl, "-sha1")).matches("([0-9A-F]{2}:){19}[0-9A-F]{2}");
    assertThat(thumbprint.sha256()).isEqualTo(fingerprint(openssl, "-sha256")).hasSize(95);
  }

  @Test
  void matchesEitherFormWithOrWithoutColonsInAnyCase() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");
    Thumbprint thumbprint = Thumbprint.of(Pem.certificate(openssl.read("ca.crt"), "ca.crt"));

    assertThat(thumbprint.matches(thumbprint.sha1().toLowerCase().replace(":", ""))).isTrue();
    assertThat(thumbprint.matches(thumbprint.sha256())).isTrue();
    assertThat(thumbprint.matches("00:11")).isFalse();
  }

  private static String fingerprint(OpenSsl openssl, String digest) {
    String line = openssl.run("x509", "-in", "ca.crt", "-noout", "-fingerprint", digest).strip();
    return line.substring(line.indexOf('=') + 1);
  }
}
