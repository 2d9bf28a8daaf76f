package io.github.okmsvm.core.tls;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;

/** What {@code openssl x509 -text} would tell about a certificate, as data. */
public record CertificateDetails(
    String subject,
    String issuer,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    KeyDescription key,
    String signatureAlgorithm,
    List<SubjectAltName> subjectAltNames,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    boolean certificateAuthority,
    Thumbprint thumbprint) {

  private static final String[] KEY_USAGE_NAMES = {
    "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign",
    "cRLSign", "encipherOnly", "decipherOnly"
  };

  private static final Map<String, String> EKU_NAMES = Map.of(
      "1.3.6.1.5.5.7.3.1", "serverAuth",
      "1.3.6.1.5.5.7.3.2", "clientAuth",
      "1.3.6.1.5.5.7.3.3", "codeSigning",
      "1.3.6.1.5.5.7.3.4", "emailProtection",
      "1.3.6.1.5.5.7.3.8", "timeStamping",
      "1.3.6.1.5.5.7.3.9", "OCSPSigning");

  public static CertificateDetails of(X509Certificate certificate) {
    Extensions extensions;
    try {
      extensions = new X509CertificateHolder(certificate.getEncoded()).getExtensions();
    } catch (CertificateEncodingException | java.io.IOException e) {
      throw new TlsException("the certificate cannot be decoded: " + e.getMessage(), e);
    }
    return new CertificateDetails(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getSerialNumber().toString(16),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        KeyDescription.of(certificate.getPublicKey()),
        certificate.getSigAlgName(),
        SubjectAltName.from(extensions),
        keyUsage(certificate.getKeyUsage()),
        extendedKeyUsage(certificate),
        certificate.getBasicConstraints() >= 0,
        Thumbprint.of(certificate));
  }

  /** Whether the certificate is valid at {@code instant}. */
  public boolean isValidAt(Instant instant) {
    return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
  }

  private static List<String> keyUsage(boolean[] bits) {
    List<String> names = new ArrayList<>();
    if (bits != null) {
      for (int i = 0; i < bits.length && i < KEY_USAGE_NAMES.length; i++) {
        if (bits[i]) {
          names.add(KEY_USAGE_NAMES[i]);
        }
      }
    }
    return List.copyOf(names);
  }

  private static List<String> extendedKeyUsage(X509Certificate certificate) {
    try {
      List<String> oids = certificate.getExtendedKeyUsage();
      return oids == null ? List.of() : oids.stream().map(oid -> EKU_NAMES.getOrDefault(oid, oid)).toList();
    } catch (java.security.cert.CertificateParsingException e) {
      throw new TlsException("the certificate's extended key usage cannot be decoded: " + e.getMessage(), e);
    }
  }
}
