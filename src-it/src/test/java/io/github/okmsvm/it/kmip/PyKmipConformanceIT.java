package io.github.okmsvm.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.kmip.KmipClientCredentials;
import io.github.okmsvm.core.kmip.KmipException;
import io.github.okmsvm.core.kmip.KmipProbe;
import io.github.okmsvm.core.kmip.KmipProbeResult;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.tls.CapturedChain;
import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.Conversions;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsEndpoint;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.okmsvm.it.Conformance;
import io.github.okmsvm.sandbox.kmip.KmipEndpoint;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import io.github.okmsvm.sandbox.pki.CertificateAuthority.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our TLS and KMIP client against PyKMIP, a KMIP server nobody here wrote. */
class PyKmipConformanceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir static Path dir;

  private static CertificateAuthority ca;
  private static PyKmipServer server;
  private static TlsEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    Conformance.requirePeer(PyKmipServer.SERVER, "python3-pykmip");
    ca = CertificateAuthority.create("CN=Test KMIP CA");
    KeyAndChain serverCredentials = ca.issue(KeyType.RSA_2048,
        CertificateAuthority.template("CN=127.0.0.1").ipAddress("127.0.0.1").dnsName("localhost").serverAuth());
    Files.writeString(dir.resolve("server.crt"), Pem.write(serverCredentials.certificate()));
    Files.writeString(dir.resolve("server.key"), Pem.write(serverCredentials.privateKey()));
    Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
    server = PyKmipServer.start(dir);
    endpoint = new TlsEndpoint("127.0.0.1", server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static KmipProbe.Builder probe() {
    return KmipProbe.builder(endpoint).trustedCaPem(ca.certificatePem()).timeout(TIMEOUT);
  }

  private static KmipClientCredentials client(CertificateAuthority.Template template) {
    KeyAndChain issued = ca.issue(KeyType.RSA_2048, template);
    return KmipClientCredentials.fromPem(Pem.write(issued.chain()), Pem.write(issued.privateKey()));
  }

  @Test
  void ourSha1ThumbprintEqualsOpenssls() throws Exception {
    CapturedChain captured = ChainCapture.capture(endpoint, TIMEOUT);

    Process openssl = new ProcessBuilder("openssl", "x509", "-in", dir.resolve("server.crt").toString(), "-noout",
        "-fingerprint", "-sha1").start();
    String line = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    assertThat(openssl.waitFor()).isZero();
    assertThat(captured.thumbprint().sha1()).isEqualTo(line.substring(line.indexOf('=') + 1));
    assertThat(captured.tlsProtocol()).isEqualTo("TLSv1.2");
    ChainVerifier.verify(captured.chain(), ca.certificatePem(), "ca.crt");
  }

  @Test
  void negotiatesAVersionAndListsTheServersOperations() {
    KmipProbeResult result = probe().clientCredentials(client(CertificateAuthority.template("CN=john_doe")
        .clientAuth())).build().probe();

    assertThat(result.negotiatedVersion()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(result.serverVersions()).startsWith(ProtocolVersion.V1_4).contains(ProtocolVersion.V1_0);
    assertThat(result.operations()).contains("DiscoverVersions", "Query", "Create", "Get", "Locate", "Destroy");
    assertThat(result.vendorIdentification()).contains("PyKMIP");
    assertThat(result.tlsProtocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void speaksWithAPkcs12ClientCredentialToo() {
    KeyAndChain issued = ca.issue(KeyType.EC_P256, CertificateAuthority.template("CN=p12_user").clientAuth());
    char[] password = "pw".toCharArray();

    KmipProbeResult result = probe().clientCredentials(KmipClientCredentials.fromPkcs12(
        Conversions.toPkcs12(issued, password), password)).build().probe();

    assertThat(result.operations()).contains("Query");
  }

  @Test
  void aClientCertificateWithoutAnyExtendedKeyUsageIsRefusedByKmipWithTheReason() {
    KmipClientCredentials noEku = client(CertificateAuthority.template("CN=no_eku"));

    assertThatThrownBy(() -> probe().clientCredentials(noEku).build().probe())
        .isInstanceOf(KmipException.class)
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.CLIENT_CERTIFICATE_REJECTED))
        .hasMessageContaining("refused the client certificate CN=no_eku (KMIP Discover Versions answered"
            + " AuthenticationNotSuccessful")
        .hasMessageContaining("it has no extended key usage extension, and KMIP servers require clientAuth");
  }

  @Test
  void aServerOnlyCertificateIsRefusedInTheHandshake() {
    KmipClientCredentials serverOnly = client(CertificateAuthority.template("CN=server_only").serverAuth());

    assertThatThrownBy(() -> probe().clientCredentials(serverOnly).build().probe())
        .isInstanceOf(KmipException.class)
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.CLIENT_CERTIFICATE_REJECTED))
        .hasMessageContaining("refused the client certificate CN=server_only (")
        .hasMessageContaining("it has no clientAuth extended key usage (it has [serverAuth])");
  }

  @Test
  void noClientCertificateAtAllSaysOneIsNeeded() {
    assertThatThrownBy(() -> probe().build().probe())
        .isInstanceOf(KmipException.class)
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.CLIENT_CERTIFICATE_MISSING))
        .hasMessageStartingWith("the KMIP server at " + endpoint + " ")
        .hasMessageEndingWith("give the OKMS credential certificate and key, as PEM or PKCS#12");
  }

  /**
   * PyKMIP's own client runs the same lifecycle against PyKMIP's server (the baseline) and the sandbox OKMS endpoint:
   * both answer every step alike, and the sandbox also re-keys, as OKMS does.
   */
  @Test
  void pykmipsClientSeesTheSameLifecycleOnTheSandboxAsOnPyKmipsServer() throws Exception {
    Map<String, Object> baseline = lifecycle(endpoint, ca, "pykmip");
    CertificateAuthority okmsCa = CertificateAuthority.create("CN=CCMUsersCA");
    Map<String, Object> sandbox;
    try (KmipEndpoint okms = KmipEndpoint.start(okmsCa)) {
      sandbox = lifecycle(okms.endpoint(), okmsCa, "sandbox", "--rekey");
      assertThat(okms.objects().count()).as("the re-keyed key and the secret data remain").isEqualTo(2);
    }

    assertThat(baseline).containsEntry("state after create", "PRE_ACTIVE").containsEntry("get", "AES 256 bits, 32 bytes")
        .containsEntry("activate again", "failed: PERMISSION_DENIED")
        .containsEntry("destroy while active", "failed: PERMISSION_DENIED")
        .containsEntry("get after destroy", "failed: ITEM_NOT_FOUND");
    Map<String, Object> common = new TreeMap<>(sandbox);
    assertThat(common.remove("rekey")).isEqualTo(true);
    assertThat(common).isEqualTo(baseline);
  }

  /**
   * OVHcloud's own KMIP client (kmip-go) runs the same lifecycle against PyKMIP's server and the sandbox endpoint: both
   * answer it alike, and the sandbox also re-keys.
   */
  @Test
  void kmipGosClientSeesTheSameLifecycleOnTheSandboxAsOnPyKmipsServer() throws Exception {
    Path client = Conformance.builtPeer("kmip-lifecycle");
    Conformance.requireBuiltPeer(client, "kmip-lifecycle");
    Map<String, Object> baseline = lifecycle(endpoint, ca, "kmipgo-pykmip", List.of(client.toAbsolutePath()
        .toString()));
    CertificateAuthority okmsCa = CertificateAuthority.create("CN=CCMUsersCA");
    Map<String, Object> sandbox;
    try (KmipEndpoint okms = KmipEndpoint.start(okmsCa)) {
      sandbox = lifecycle(okms.endpoint(), okmsCa, "kmipgo-sandbox", List.of(client.toAbsolutePath().toString()),
          "--rekey");
    }

    assertThat(baseline).containsEntry("state after create", "PRE_ACTIVE")
        .containsEntry("get", "AES 256 bits, 32 bytes").containsEntry("locate by name", true).containsEntry("activate again", "failed: PERMISSION_DENIED")
        .containsEntry("get after destroy", "failed: ITEM_NOT_FOUND")
        .containsEntry("register and get secret data", true);
    Map<String, Object> common = new TreeMap<>(sandbox);
    assertThat(common.remove("rekey")).isEqualTo(true);
    assertThat(common).isEqualTo(baseline);
  }

  private static Map<String, Object> lifecycle(TlsEndpoint server, CertificateAuthority issuer, String name,
      String... options) throws Exception {
    Path script = dir.resolve("kmip_lifecycle.py");
    try (var in = PyKmipConformanceIT.class.getResourceAsStream("kmip_lifecycle.py")) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return lifecycle(server, issuer, name, List.of(PyKmipServer.PYTHON.toString(), "-W", "ignore",
        script.toString()), options);
  }

  /** Runs a lifecycle client ({@code client}: its command) and reads the JSON object it prints last. */
  private static Map<String, Object> lifecycle(TlsEndpoint server, CertificateAuthority issuer, String name,
      List<String> client, String... options) throws Exception {
    KeyAndChain issued = issuer.issue(KeyType.RSA_2048, CertificateAuthority.template("CN=" + name + "_client")
        .clientAuth());
    Path certificate = Files.writeString(dir.resolve(name + "-client.crt"), Pem.write(issued.certificate()));
    Path key = Files.writeString(dir.resolve(name + "-client.key"), Pem.write(issued.privateKey()));
    Path trusted = Files.writeString(dir.resolve(name + "-ca.crt"), issuer.certificatePem());
    List<String> command = new ArrayList<>(client);
    command.addAll(List.of(server.host(), Integer.toString(server.port()), certificate.toString(), key.toString(),
        trusted.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    String json = output.lines().reduce((first, second) -> second).orElse("{}");
    return new TreeMap<>(new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() { }));
  }
}
