package io.github.okmsvm.core.kmip;

import io.github.okmsvm.core.tls.CertificateDetails;
import io.github.okmsvm.core.tls.Conversions;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.KeyMatch;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsException;
import io.github.okmsvm.core.tls.TrustMaterial;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * The client certificate and key a KMIP server authenticates this client by, such as an OKMS credential. Its
 * {@link #toString()} names the certificate and never shows the key.
 */
public final class KmipClientCredentials {
  private final KeyAndChain keyAndChain;

  private KmipClientCredentials(KeyAndChain keyAndChain) {
    if (!KeyMatch.matches(keyAndChain.privateKey(), keyAndChain.certificate())) {
      throw new TlsException("the client key does not belong to the client certificate "
          + keyAndChain.certificate().getSubjectX500Principal().getName()
          + ": give the key generated with that certificate's CSR");
    }
    this.keyAndChain = keyAndChain;
  }

  /** From PEM text: the certificate (its chain may follow) and its unencrypted private key. */
  public static KmipClientCredentials fromPem(String certificatePem, String privateKeyPem) {
    PrivateKey key = Pem.privateKey(privateKeyPem, "client private key");
    return new KmipClientCredentials(new KeyAndChain(key, Pem.certificates(certificatePem, "client certificate")));
  }

  /** From a PKCS#12 (PFX) file and its password. */
  public static KmipClientCredentials fromPkcs12(byte[] pkcs12, char[] password) {
    return new KmipClientCredentials(Conversions.fromPkcs12(pkcs12, password, "client PKCS#12"));
  }

  KeyAndChain keyAndChain() {
    return keyAndChain;
  }

  public X509Certificate certificate() {
    return keyAndChain.certificate();
  }

  /**
   * TLS that presents {@code credentials} (none if null) and trusts the certificates of {@code trustedCaPem}: a CA,
   * or the server's own certificate as vCenter pins it.
   */
  public static SSLContext sslContext(KmipClientCredentials credentials, String trustedCaPem) {
    try {
      KeyManager[] keys = credentials == null ? null
          : new KeyManager[] {new SingleCertificateKeyManager(credentials.keyAndChain)};
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, TrustMaterial.trustManagers(trustedCaPem, "trusted CA"), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Why a KMIP server would refuse this certificate for client authentication, if anything locally visible. */
  Optional<String> clientAuthProblem() {
    CertificateDetails details = CertificateDetails.of(certificate());
    if (!details.extendedKeyUsage().isEmpty() && !details.extendedKeyUsage().contains("clientAuth")) {
      return Optional.of("it has no clientAuth extended key usage (it has " + details.extendedKeyUsage() + ")");
    }
    if (details.extendedKeyUsage().isEmpty()) {
      return Optional.of("it has no extended key usage extension, and KMIP servers require clientAuth");
    }
    if (!details.isValidAt(java.time.Instant.now())) {
      return Optional.of("it is valid only from " + details.notBefore() + " to " + details.notAfter());
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "KmipClientCredentials[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
