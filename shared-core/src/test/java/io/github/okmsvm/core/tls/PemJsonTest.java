package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemJsonTest {
  @TempDir Path dir;

  @Test
  void escapesExactlyLikeTheGuidesAwkOnARealCertificate() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");
    String pem = openssl.read("ca.crt");

    String awk = openssl.exec(List.of("awk", "{printf \"%s\\\\n\", $0}", "ca.crt"));

    assertThat(PemJson.escape(pem)).isEqualTo(awk).doesNotContain("\n").startsWith("-----BEGIN CERTIFICATE-----\\n");
  }

  @Test
  void unescapesExactlyLikeTheGuidesAwk() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");
    String pem = openssl.read("ca.crt");
    String escaped = PemJson.escape(pem);
    openssl.write("escaped.txt", escaped.getBytes(StandardCharsets.US_ASCII));

    String awk = openssl.exec(List.of("awk", "{gsub(/\\\\n/,\"\\n\")}1", "escaped.txt"));

    assertThat(PemJson.unescape(escaped)).isEqualTo(awk);
    // awk prints one more newline than the PEM had; both readers accept it.
    assertThat(Pem.certificate(PemJson.unescape(escaped), "certificatePEM"))
        .isEqualTo(Pem.certificate(pem, "pem"));
  }

  @Test
  void treatsALastLineWithoutNewlineAsARecordLikeAwk() {
    OpenSsl openssl = new OpenSsl(dir);
    openssl.write("partial.txt", "a\nb".getBytes(StandardCharsets.US_ASCII));
    openssl.write("crlf.txt", "a\r\nb\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(PemJson.escape("a\nb")).isEqualTo(openssl.exec(List.of("awk", "{printf \"%s\\\\n\", $0}",
        "partial.txt"))).isEqualTo("a\\nb\\n");
    assertThat(PemJson.escape("a\r\nb\r\n")).isEqualTo(openssl.exec(List.of("awk", "{printf \"%s\\\\n\", $0}",
        "crlf.txt")));
    assertThat(PemJson.escape("")).isEmpty();
    assertThat(PemJson.unescape("")).isEmpty();
  }
}
