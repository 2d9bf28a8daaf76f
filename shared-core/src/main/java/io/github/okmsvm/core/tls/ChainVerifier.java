package io.github.okmsvm.core.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies that a captured chain leads to a given CA, such as an OKMS {@code publicCA}. Revocation is not checked:
 * OKMS publishes no revocation endpoint for its KMIP certificates, and the check is about identity, not freshness.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /**
   * Throws {@link TlsException} unless {@code chain}'s leaf is issued, directly or through the chain's intermediates,
   * by one of the certificates in {@code caPem}.
   */
  public static void verify(List<X509Certificate> chain, String caPem, String caField) {
    List<X509Certificate> anchors = Pem.certificates(caPem, caField);
    Set<TrustAnchor> trustAnchors = new HashSet<>();
    for (X509Certificate anchor : anchors) {
      trustAnchors.add(new TrustAnchor(anchor, null));
    }
    // Drop the anchors themselves from the path: servers often send their root too.
    List<X509Certificate> path = new ArrayList<>(chain);
    path.removeIf(anchors::contains);
    X509Certificate leaf = chain.get(0);
    if (path.isEmpty()) {
      return; // the server presented the CA itself
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      CertPath certPath = factory.generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(trustAnchors);
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    } catch (CertPathValidatorException e) {
      throw new TlsException("the certificate of " + leaf.getSubjectX500Principal().getName() + " (issuer "
          + leaf.getIssuerX500Principal().getName() + ") does not chain to " + caField + ": " + reason(e)
          + "; check that the endpoint belongs to this OKMS and that " + caField + " is its publicCA", e);
    } catch (GeneralSecurityException e) {
      throw new TlsException("cannot verify the chain against " + caField + ": " + e.getMessage(), e);
    }
  }

  private static String reason(CertPathValidatorException e) {
    if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
      return "a certificate has expired";
    }
    if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
      return "a certificate is not yet valid";
    }
    if (e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
      return "a signature does not verify";
    }
    return e.getMessage();
  }
}
