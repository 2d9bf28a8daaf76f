package io.github.okmsvm.sandbox.pki;

import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.Pem;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority the sandbox runs: the CA behind a sandbox OKMS's {@code publicCA}, which issues its KMIP
 * server certificate and signs the credentials' CSRs, the way OKMS does.
 */
public final class CertificateAuthority {
  /** The otherName type OKMS writes its {@code okms.domain:<id>} under (Microsoft UPN). */
  private static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** A new self-signed CA named {@code subject}, such as {@code CN=CCMUsersCA}, valid ten years. */
  public static CertificateAuthority create(String subject) {
    KeyPair keyPair = KeyType.RSA_2048.generate();
    Instant now = Instant.now();
    X509Certificate certificate = new Template(new X500Name(subject), keyPair.getPublic())
        .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)))
        .certificateAuthority()
        .sign(new X500Name(subject), keyPair.getPrivate(), keyPair.getPublic());
    return new CertificateAuthority(keyPair, certificate);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String certificatePem() {
    return Pem.write(certificate);
  }

  /** A new certificate for a fresh key of {@code keyType}, described by {@code template}. */
  public KeyAndChain issue(KeyType keyType, Template template) {
    KeyPair subjectKeys = keyType.generate();
    return new KeyAndChain(subjectKeys.getPrivate(), List.of(sign(template.withKey(subjectKeys.getPublic())),
        certificate));
  }

  /** A certificate for a key held elsewhere, such as the key behind a CSR. */
  public X509Certificate sign(Template template) {
    return template.sign(new X500Name(certificate.getSubjectX500Principal().getName()), keyPair.getPrivate(),
        keyPair.getPublic());
  }

  /** A new template for {@code subject}, such as {@code CN=127.0.0.1}. */
  public static Template template(String subject) {
    return new Template(new X500Name(subject), null);
  }

  /** The key types the sandbox issues: OKMS signs credentials with ECDSA P-256. */
  public enum KeyType {
    RSA_2048,
    EC_P256;

    KeyPair generate() {
      try {
        if (this == RSA_2048) {
          KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
          generator.initialize(2048, RANDOM);
          return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the Java runtime cannot generate " + this + " keys", e);
      }
    }
  }

  /** What goes into a certificate besides its keys. */
  public static final class Template {
    private final X500Name subject;
    private final PublicKey publicKey;
    private BigInteger serial = new BigInteger(64, RANDOM);
    private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
    private final List<GeneralName> altNames = new ArrayList<>();
    private final List<KeyPurposeId> purposes = new ArrayList<>();
    private boolean authority;

    private Template(X500Name subject, PublicKey publicKey) {
      this.subject = subject;
      this.publicKey = publicKey;
    }

    private Template copyWith(PublicKey key) {
      Template copy = new Template(subject, key);
      copy.serial = serial;
      copy.notBefore = notBefore;
      copy.notAfter = notAfter;
      copy.altNames.addAll(altNames);
      copy.purposes.addAll(purposes);
      copy.authority = authority;
      return copy;
    }

    /** The same template for {@code key}, such as the public key of a CSR. */
    public Template withKey(PublicKey key) {
      return copyWith(key);
    }

    public Template serial(BigInteger value) {
      this.serial = value;
      return this;
    }

    public Template validity(Instant from, Instant until) {
      this.notBefore = from;
      this.notAfter = until;
      return this;
    }

    public Template dnsName(String name) {
      altNames.add(new GeneralName(GeneralName.dNSName, name));
      return this;
    }

    public Template ipAddress(String address) {
      altNames.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    /** A UPN otherName, as OKMS writes {@code okms.domain:<okmsId>}. */
    public Template userPrincipalName(String value) {
      ASN1Encodable otherName = new DERSequence(new ASN1Encodable[] {UPN,
          new DERTaggedObject(true, 0, new DERUTF8String(value))});
      altNames.add(new GeneralName(GeneralName.otherName, otherName));
      return this;
    }

    public Template serverAuth() {
      purposes.add(KeyPurposeId.id_kp_serverAuth);
      return this;
    }

    public Template clientAuth() {
      purposes.add(KeyPurposeId.id_kp_clientAuth);
      return this;
    }

    Template certificateAuthority() {
      this.authority = true;
      return this;
    }

    X509Certificate sign(X500Name issuer, PrivateKey issuerKey, PublicKey issuerPublicKey) {
      if (publicKey == null) {
        throw new IllegalStateException("the template has no public key yet");
      }
      try {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
            Date.from(notBefore), Date.from(notAfter), subject, publicKey)
            .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
            .addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuerPublicKey))
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
              | (publicKey.getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0)));
        }
        if (!altNames.isEmpty()) {
          // OKMS marks its credential SAN critical: the subject DN alone does not identify the holder.
          builder.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0 || hasUpn(),
              new GeneralNames(altNames.toArray(new GeneralName[0])));
        }
        if (!purposes.isEmpty()) {
          builder.addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
        }
        String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(builder.build(
            new JcaContentSignerBuilder(algorithm).build(issuerKey)));
      } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
        throw new IllegalStateException("cannot sign a certificate for " + subject, e);
      }
    }

    private boolean hasUpn() {
      return altNames.stream().anyMatch(name -> name.getTagNo() == GeneralName.otherName);
    }
  }
}
