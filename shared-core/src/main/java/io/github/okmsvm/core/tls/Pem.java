package io.github.okmsvm.core.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes PEM text: certificates, certificate signing requests and private keys (PKCS#8, PKCS#1 RSA and
 * SEC1 EC, unencrypted). Every reader takes the name of the field the text came from, so that a bad input ends in a
 * message naming it.
 */
public final class Pem {
  static final Provider BC = new BouncyCastleProvider();

  private Pem() {}

  /** Every certificate in {@code pem}, in order; fails when there is none. */
  public static List<X509Certificate> certificates(String pem, String field) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object object : objects(pem, field)) {
      if (object instanceof X509CertificateHolder holder) {
        certificates.add(toCertificate(holder, field));
      }
    }
    if (certificates.isEmpty()) {
      throw new TlsException(field + " holds no certificate: expected a '-----BEGIN CERTIFICATE-----' block");
    }
    return List.copyOf(certificates);
  }

  /** The first certificate in {@code pem}. */
  public static X509Certificate certificate(String pem, String field) {
    return certificates(pem, field).get(0);
  }

  /** The single certificate signing request in {@code pem}. */
  public static PKCS10CertificationRequest csr(String pem, String field) {
    for (Object object : objects(pem, field)) {
      if (object instanceof PKCS10CertificationRequest csr) {
        return csr;
      }
    }
    throw new TlsException(
        field + " holds no certificate signing request: expected a '-----BEGIN CERTIFICATE REQUEST-----' block");
  }

  /** The private key in {@code pem}, whichever of PKCS#8, PKCS#1 or SEC1 it is written in. */
  public static PrivateKey privateKey(String pem, String field) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object object : objects(pem, field)) {
      try {
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (object instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      } catch (PEMException e) {
        throw new TlsException(field + " holds a private key of an unsupported type: use an RSA or EC key", e);
      }
    }
    throw new TlsException(field + " holds no unencrypted private key: expected a '-----BEGIN PRIVATE KEY-----' block"
        + " (decrypt it first, for example with 'openssl pkey')");
  }

  /** PEM text of certificates, CSRs or public keys, one block each, in order. */
  public static String write(Object... objects) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(generatorFor(object));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Convenience for a chain. */
  public static String write(List<X509Certificate> certificates) {
    return write(certificates.toArray());
  }

  private static PemObjectGenerator generatorFor(Object object) throws IOException {
    if (object instanceof PrivateKey key) {
      // PKCS#8, the form every current tool reads.
      return new JcaPKCS8Generator(key, null);
    }
    return new JcaMiscPEMGenerator(object);
  }

  static X509Certificate toCertificate(X509CertificateHolder holder, String field) {
    try {
      return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
    } catch (CertificateException e) {
      throw new TlsException(field + " holds a certificate that cannot be decoded: " + e.getMessage(), e);
    }
  }

  /** The parser's own words when short and plain (they never quote the input), else the error's kind. */
  private static String reason(Exception e) {
    String message = e.getMessage();
    return message != null && message.length() <= 60 && message.matches("[-\\w .:]+") ? message
        : e.getClass().getSimpleName();
  }

  private static List<Object> objects(String pem, String field) {
    if (pem == null || pem.isBlank()) {
      throw new TlsException(field + " is empty: give PEM text starting with '-----BEGIN'");
    }
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        objects.add(object);
      }
    } catch (IOException | RuntimeException e) {
      throw new TlsException(field + " is not valid PEM (" + reason(e) + "): check the '-----BEGIN'/'-----END' lines"
          + " and that the base64 body is complete", e);
    }
    if (objects.isEmpty()) {
      throw new TlsException(field + " holds no PEM block: give text starting with '-----BEGIN'");
    }
    return objects;
  }
}
