package io.github.okmsvm.core.tls;

import java.security.cert.X509Certificate;

/**
 * Reads what an OKMS credential certificate says about the OKMS that issued it: OKMS puts
 * {@code okms.domain:<okmsId>} in a UPN otherName of the subject alternative names.
 */
public final class OkmsCredentialCertificate {
  private static final String PREFIX = "okms.domain:";

  private OkmsCredentialCertificate() {}

  /** The OKMS id; fails with a clear message when the certificate is not an OKMS credential. */
  public static String okmsId(X509Certificate certificate) {
    for (SubjectAltName name : CertificateDetails.of(certificate).subjectAltNames()) {
      if (name.kind().equals("UPN") && name.value().startsWith(PREFIX)) {
        return name.value().substring(PREFIX.length());
      }
    }
    throw new TlsException("the certificate of " + certificate.getSubjectX500Principal().getName()
        + " is not an OKMS credential certificate: it has no subject alternative name 'okms.domain:<okmsId>';"
        + " give the certificatePEM of an OKMS credential");
  }
}
