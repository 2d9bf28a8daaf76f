package io.github.okmsvm.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
  @TempDir Path dir;

  @Test
  void readsPrivateKeysInEveryFormOpensslWrites() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");
    openssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.key");
    openssl.run("rsa", "-in", "pkcs8.key", "-traditional", "-out", "pkcs1.key");
    openssl.run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.key");

    assertThat(Pem.privateKey(openssl.read("pkcs8.key"), "key").getAlgorithm()).isEqualTo("RSA");
    assertThat(openssl.read("pkcs1.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Pem.privateKey(openssl.read("pkcs1.key"), "key").getAlgorithm()).isEqualTo("RSA");
    assertThat(openssl.read("sec1.key")).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(Pem.privateKey(openssl.read("sec1.key"), "key").getAlgorithm()).isIn("EC", "ECDSA");
  }

  @Test
  void writesWhatItReadsAndOpensslReadsWhatItWrites() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("client", "ca", "/CN=client");
    X509Certificate certificate = Pem.certificate(openssl.read("client.crt"), "client.crt");
    PrivateKey key = Pem.privateKey(openssl.read("client.key"), "client.key");

    String written = Pem.write(certificate, key);
    openssl.write("written.pem", written.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    assertThat(Pem.certificate(written, "written")).isEqualTo(certificate);
    assertThat(KeyMatch.matches(Pem.privateKey(written, "written"), certificate)).isTrue();
    assertThat(openssl.run("x509", "-in", "written.pem", "-noout", "-subject")).contains("CN = client");
    assertThat(openssl.run("pkey", "-in", "written.pem", "-noout", "-text")).contains("prime256v1");
    assertThat(Pem.write(certificate)).isEqualTo(openssl.read("client.crt"));
  }

  @Test
  void readsEveryCertificateOfAChainInOrder() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca").leaf("server", "ca", "/CN=server");
    String chain = openssl.read("server.crt") + openssl.read("ca.crt");

    assertThat(Pem.certificates(chain, "chain")).extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=server", "CN=ca");
  }

  @Test
  void badInputNamesTheFieldAndTheFix() {
    OpenSsl openssl = new OpenSsl(dir).ca("ca");
    String pem = openssl.read("ca.crt");
    String truncated = pem.substring(0, pem.length() / 2);

    assertThatThrownBy(() -> Pem.certificate("", "publicCA"))
        .hasMessage("publicCA is empty: give PEM text starting with '-----BEGIN'");
    assertThatThrownBy(() -> Pem.certificate("not pem at all", "publicCA"))
        .hasMessage("publicCA holds no PEM block: give text starting with '-----BEGIN'");
    assertThatThrownBy(() -> Pem.certificate(truncated, "publicCA"))
        .hasMessageStartingWith("publicCA is not valid PEM")
        .hasMessageEndingWith("check the '-----BEGIN'/'-----END' lines and that the base64 body is complete");
    assertThatThrownBy(() -> Pem.privateKey(pem, "client key"))
        .hasMessageStartingWith("client key holds no unencrypted private key");
    assertThatThrownBy(() -> Pem.csr(pem, "csr"))
        .hasMessage("csr holds no certificate signing request: expected a '-----BEGIN CERTIFICATE REQUEST-----' block");
  }

  @Test
  void aBrokenKeyNeverEchoesItsContentInTheMessage() {
    OpenSsl openssl = new OpenSsl(dir);
    openssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "k.key");
    String key = openssl.read("k.key");
    String body = key.split("\n")[3];
    String broken = key.replace(body, body.substring(0, 20) + "!!!!" + body.substring(24));

    assertThatThrownBy(() -> Pem.privateKey(broken, "client key"))
        .isInstanceOf(TlsException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body.substring(0, 20)));
  }
}
