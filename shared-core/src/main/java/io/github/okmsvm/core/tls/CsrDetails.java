package io.github.okmsvm.core.tls;

import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** What {@code openssl req -text -verify} would tell about a certificate signing request, as data. */
public record CsrDetails(String subject, KeyDescription key, String signatureAlgorithm,
    List<SubjectAltName> subjectAltNames, boolean signatureValid) {

  public static CsrDetails of(PKCS10CertificationRequest csr) {
    PublicKey key = publicKey(csr);
    return new CsrDetails(
        new javax.security.auth.x500.X500Principal(encoded(csr.getSubject())).getName(),
        KeyDescription.of(key),
        new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(csr.getSignatureAlgorithm()),
        SubjectAltName.from(requestedExtensions(csr)),
        signatureValid(csr, key));
  }

  /** The public key a CSR asks to be certified. */
  public static PublicKey publicKey(PKCS10CertificationRequest csr) {
    try {
      return new JcaPKCS10CertificationRequest(csr).setProvider(Pem.BC).getPublicKey();
    } catch (java.security.GeneralSecurityException e) {
      throw new TlsException("the CSR's public key cannot be decoded: " + e.getMessage(), e);
    }
  }

  private static Extensions requestedExtensions(PKCS10CertificationRequest csr) {
    for (Attribute attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      if (attribute.getAttrValues().size() > 0) {
        return Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
      }
    }
    return null;
  }

  private static boolean signatureValid(PKCS10CertificationRequest csr, PublicKey key) {
    try {
      return csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pem.BC).build(key));
    } catch (OperatorCreationException | PKCSException e) {
      return false;
    }
  }

  private static byte[] encoded(org.bouncycastle.asn1.x500.X500Name name) {
    try {
      return name.getEncoded();
    } catch (java.io.IOException e) {
      throw new TlsException("the CSR's subject cannot be encoded: " + e.getMessage(), e);
    }
  }
}
