package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversionsTest {
  private static final char[] PASSWORD = "correct horse".toCharArray();

  @TempDir Path dir;

  @Test
  void pemAndDerRoundTripAgreeWithOpenssl() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("x", "ca", "/CN=x");
    openssl.run("x509", "-in", "x.crt", "-outform", "DER", "-out", "x.der");
    openssl.run("req", "-in", "x.csr", "-outform", "DER", "-out", "x.csr.der");

    byte[] der = Conversions.pemToDer(openssl.read("x.crt"), "x.crt");

    assertThat(der).isEqualTo(openssl.bytes("x.der"));
    assertThat(Conversions.derToPem(der, "CERTIFICATE")).isEqualTo(openssl.read("x.crt"));
    assertThat(Conversions.pemToDer(openssl.read("x.csr"), "x.csr")).isEqualTo(openssl.bytes("x.csr.der"));
    assertThat(Conversions.derToPem(openssl.bytes("x.csr.der"), "CERTIFICATE REQUEST")).isEqualTo(openssl.read("x.csr"));
  }

  @Test
  void p7bRoundTripsAndInteroperatesWithOpensslBothWays() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("x", "ca", "/CN=x");
    List<X509Certificate> chain = List.of(Pem.certificate(openssl.read("x.crt"), "x"),
        Pem.certificate(openssl.read("ca.crt"), "ca"));

    byte[] ours = Conversions.toP7b(chain);
    openssl.write("ours.p7b", ours);
    openssl.run("crl2pkcs7", "-nocrl", "-certfile", "x.crt", "-certfile", "ca.crt", "-out", "theirs.p7b");
    openssl.run("crl2pkcs7", "-nocrl", "-certfile", "x.crt", "-certfile", "ca.crt", "-outform", "DER",
        "-out", "theirs.der.p7b");

    assertThat(Conversions.fromP7b(ours, "ours")).containsExactlyElementsOf(chain);
    assertThat(openssl.run("pkcs7", "-inform", "DER", "-in", "ours.p7b", "-print_certs", "-noout"))
        .contains("subject=CN = x").contains("subject=CN = ca");
    assertThat(Conversions.fromP7b(openssl.bytes("theirs.p7b"), "theirs")).containsExactlyInAnyOrderElementsOf(chain);
    assertThat(Conversions.fromP7b(openssl.bytes("theirs.der.p7b"), "theirs")).containsExactlyInAnyOrderElementsOf(chain);
  }

  @Test
  void pkcs12RoundTripsAndInteroperatesWithOpensslBothWays() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("x", "ca", "/CN=x");
    KeyAndChain keyAndChain = new KeyAndChain(Pem.privateKey(openssl.read("x.key"), "key"),
        List.of(Pem.certificate(openssl.read("x.crt"), "x"), Pem.certificate(openssl.read("ca.crt"), "ca")));

    byte[] ours = Conversions.toPkcs12(keyAndChain, PASSWORD);
    openssl.write("ours.p12", ours);
    openssl.run("pkcs12", "-export", "-in", "x.crt", "-inkey", "x.key", "-certfile", "ca.crt", "-out", "theirs.p12",
        "-passout", "pass:" + new String(PASSWORD));

    KeyAndChain back = Conversions.fromPkcs12(ours, PASSWORD, "ours.p12");
    assertThat(back.chain()).containsExactlyElementsOf(keyAndChain.chain());
    assertThat(KeyMatch.matches(back.privateKey(), back.certificate())).isTrue();
    assertThat(openssl.run("pkcs12", "-in", "ours.p12", "-passin", "pass:" + new String(PASSWORD), "-nodes"))
        .contains("-----BEGIN PRIVATE KEY-----").contains("subject=CN = x");
    KeyAndChain theirs = Conversions.fromPkcs12(openssl.bytes("theirs.p12"), PASSWORD, "theirs.p12");
    assertThat(theirs.certificate()).isEqualTo(keyAndChain.certificate());
    assertThat(KeyMatch.matches(theirs.privateKey(), keyAndChain.certificate())).isTrue();
  }

  @Test
  void aWrongPkcs12PasswordSaysSoWithoutShowingTheKey() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("x", "ca", "/CN=x");
    KeyAndChain keyAndChain = new KeyAndChain(Pem.privateKey(openssl.read("x.key"), "key"),
        List.of(Pem.certificate(openssl.read("x.crt"), "x")));
    byte[] pkcs12 = Conversions.toPkcs12(keyAndChain, PASSWORD);

    assertThatThrownBy(() -> Conversions.fromPkcs12(pkcs12, "wrong".toCharArray(), "client.p12"))
        .hasMessage("client.p12 cannot be opened: the password is wrong or the file is not PKCS#12");
    assertThat(keyAndChain.toString()).isEqualTo("KeyAndChain[CN=x, 1 certificate(s), EC private key]")
        .doesNotContain(openssl.read("x.key").split("\n")[1].substring(0, 16));
    assertThatThrownBy(() -> Conversions.fromP7b("garbage".getBytes(StandardCharsets.US_ASCII), "bundle.p7b"))
        .hasMessage("bundle.p7b is not a PKCS#7 certificate bundle: give a .p7b file");
  }
}
