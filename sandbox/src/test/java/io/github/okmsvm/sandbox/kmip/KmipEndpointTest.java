package io.github.okmsvm.sandbox.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.kmip.KmipClientCredentials;
import io.github.okmsvm.core.kmip.KmipException;
import io.github.okmsvm.core.kmip.KmipProbe;
import io.github.okmsvm.core.kmip.KmipProbeResult;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.tls.Conversions;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import io.github.okmsvm.sandbox.pki.CertificateAuthority.KeyType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KmipProbe} against the sandbox endpoint: the pair must agree on the wire, and fail the way OKMS does. */
class KmipEndpointTest {
  private static CertificateAuthority okmsCa;
  private static KmipEndpoint endpoint;

  @BeforeAll
  static void start() {
    okmsCa = CertificateAuthority.create("CN=CCMUsersCA");
    endpoint = KmipEndpoint.start(okmsCa);
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  private static KmipProbe.Builder probe() {
    return KmipProbe.builder(endpoint.endpoint()).trustedCaPem(okmsCa.certificatePem())
        .timeout(Duration.ofSeconds(10));
  }

  private static KmipClientCredentials credentials(CertificateAuthority ca, CertificateAuthority.Template template) {
    KeyAndChain issued = ca.issue(KeyType.EC_P256, template);
    return KmipClientCredentials.fromPem(Pem.write(issued.chain()), Pem.write(issued.privateKey()));
  }

  @Test
  void negotiatesAndListsOperationsWithAnOkmsIssuedCredential() {
    KmipClientCredentials client = credentials(okmsCa, CertificateAuthority.template("CN=okms-1")
        .userPrincipalName("okms.domain:okms-1").clientAuth());
    long before = endpoint.requestCount();

    KmipProbeResult result = probe().clientCredentials(client).build().probe();

    assertThat(result.negotiatedVersion()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(result.serverVersions()).containsExactlyElementsOf(ProtocolVersion.SUPPORTED);
    assertThat(result.operations()).containsExactly("DiscoverVersions", "Query", "Create", "Register", "ReKey",
        "Locate", "Get", "GetAttributes", "AddAttribute", "Activate", "Revoke", "Destroy");
    assertThat(result.objectTypes()).containsExactly("SymmetricKey", "SecretData");
    assertThat(result.vendorIdentification()).isEqualTo("okms-sandbox KMIP endpoint");
    assertThat(result.tlsProtocol()).isIn("TLSv1.2", "TLSv1.3");
    assertThat(endpoint.requestCount() - before).isEqualTo(2);
  }

  @Test
  void acceptsTheSameCredentialAsPkcs12() {
    KeyAndChain issued = okmsCa.issue(KeyType.RSA_2048, CertificateAuthority.template("CN=p12").clientAuth());
    byte[] pkcs12 = Conversions.toPkcs12(issued, "pw".toCharArray());

    KmipProbeResult result = probe()
        .clientCredentials(KmipClientCredentials.fromPkcs12(pkcs12, "pw".toCharArray())).build().probe();

    assertThat(result.negotiatedVersion()).isEqualTo(ProtocolVersion.V1_4);
  }

  @Test
  void noClientCertificateSaysOneIsNeeded() {
    assertThatThrownBy(() -> probe().build().probe())
        .isInstanceOf(KmipException.class)
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.CLIENT_CERTIFICATE_MISSING))
        .hasMessageStartingWith("the KMIP server at " + endpoint.endpoint() + " ")
        .hasMessageEndingWith("give the OKMS credential certificate and key, as PEM or PKCS#12");
  }

  @Test
  void aCertificateFromAnotherCaIsRejected() {
    CertificateAuthority stranger = CertificateAuthority.create("CN=Stranger CA");
    KmipClientCredentials client = credentials(stranger, CertificateAuthority.template("CN=intruder").clientAuth());

    assertThatThrownBy(() -> probe().clientCredentials(client).build().probe())
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.CLIENT_CERTIFICATE_REJECTED))
        .hasMessageStartingWith("the KMIP server at " + endpoint.endpoint() + " refused the client certificate"
            + " CN=intruder (")
        .hasMessageEndingWith("use a certificate issued by this OKMS for client authentication (extended key usage"
            + " clientAuth), within its validity");
  }

  @Test
  void aCertificateWithoutClientAuthIsRejectedWithTheReason() {
    KmipClientCredentials client = credentials(okmsCa, CertificateAuthority.template("CN=server-only").serverAuth());

    assertThatThrownBy(() -> probe().clientCredentials(client).build().probe())
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.CLIENT_CERTIFICATE_REJECTED))
        // under TLS 1.3 the refusal arrives as an alert or as a closed connection, whichever the client sees first
        .hasMessageContaining("refused the client certificate CN=server-only (")
        .hasMessageContaining("; it has no clientAuth extended key usage (it has [serverAuth])");
  }

  @Test
  void aServerFromAnotherCaIsNotTrusted() {
    CertificateAuthority stranger = CertificateAuthority.create("CN=Stranger CA");
    KmipClientCredentials client = credentials(okmsCa, CertificateAuthority.template("CN=ok").clientAuth());

    assertThatThrownBy(() -> KmipProbe.builder(endpoint.endpoint()).trustedCaPem(stranger.certificatePem())
        .clientCredentials(client).build().probe())
        .satisfies(e -> assertThat(((KmipException) e).reason())
            .isEqualTo(KmipException.Cause.SERVER_NOT_TRUSTED))
        .hasMessageStartingWith("the KMIP server at " + endpoint.endpoint() + " is not trusted: ")
        .hasMessageEndingWith("check that the trusted CA is the OKMS publicCA and that the certificate names"
            + " 127.0.0.1");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefusedBeforeConnecting() {
    KeyAndChain one = okmsCa.issue(KeyType.EC_P256, CertificateAuthority.template("CN=one").clientAuth());
    KeyAndChain two = okmsCa.issue(KeyType.EC_P256, CertificateAuthority.template("CN=two").clientAuth());

    assertThatThrownBy(() -> KmipClientCredentials.fromPem(Pem.write(one.chain()), Pem.write(two.privateKey())))
        .hasMessage("the client key does not belong to the client certificate CN=one: give the key generated with"
            + " that certificate's CSR");
  }
}
