package io.github.okmsvm.sandbox.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.tls.CertificateDetails;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.KeyMatch;
import io.github.okmsvm.core.tls.OkmsCredentialCertificate;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  @Test
  void issuesCredentialsShapedLikeOkmsOnes() {
    CertificateAuthority ca = CertificateAuthority.create("CN=CCMUsersCA");

    KeyAndChain credential = ca.issue(CertificateAuthority.KeyType.EC_P256, CertificateAuthority.template("CN=okms-9")
        .serial(new BigInteger("f18b5e0d75b840a39b0e000000000001", 16))
        .userPrincipalName("okms.domain:okms-9").clientAuth());

    CertificateDetails details = CertificateDetails.of(credential.certificate());
    assertThat(details.issuer()).isEqualTo("CN=CCMUsersCA");
    assertThat(details.subject()).isEqualTo("CN=okms-9");
    assertThat(details.serialNumber()).isEqualTo("f18b5e0d75b840a39b0e000000000001");
    assertThat(details.key()).hasToString("EC 256 (P-256)");
    assertThat(details.extendedKeyUsage()).containsExactly("clientAuth");
    assertThat(credential.certificate().getCriticalExtensionOIDs()).contains("2.5.29.17");
    assertThat(OkmsCredentialCertificate.okmsId(credential.certificate())).isEqualTo("okms-9");
    assertThat(KeyMatch.matches(credential.privateKey(), credential.certificate())).isTrue();
    ChainVerifier.verify(credential.chain(), ca.certificatePem(), "publicCA");
    assertThat(CertificateDetails.of(ca.certificate()).certificateAuthority()).isTrue();
  }
}
