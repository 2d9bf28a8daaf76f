package io.github.okmsvm.core.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The format conversions the guide does with openssl: PEM to and from DER, certificates to and from PKCS#7 (P7B),
 * and a certificate chain with its key to and from PKCS#12 (PFX).
 */
public final class Conversions {
  private static final String PKCS12_ALIAS = "okms";

  private Conversions() {}

  /** The DER bytes of the single PEM block in {@code pem} (certificate, CSR or key). */
  public static byte[] pemToDer(String pem, String field) {
    try (PemReader reader = new PemReader(new StringReader(pem == null ? "" : pem))) {
      PemObject object = reader.readPemObject();
      if (object == null) {
        throw new TlsException(field + " holds no PEM block: give text starting with '-----BEGIN'");
      }
      return object.getContent();
    } catch (IOException e) {
      throw new TlsException(field + " is not valid PEM: check the base64 body", e);
    }
  }

  /** PEM text of DER bytes under {@code type}, such as {@code CERTIFICATE} or {@code CERTIFICATE REQUEST}. */
  public static String derToPem(byte[] der, String type) {
    StringBuilder pem = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    String body = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    pem.append(body).append('\n').append("-----END ").append(type).append("-----\n");
    return pem.toString();
  }

  /** A DER-encoded PKCS#7 (P7B) bundle of {@code certificates}, as {@code openssl crl2pkcs7 -nocrl} makes. */
  public static byte[] toP7b(List<X509Certificate> certificates) {
    try {
      return CertificateFactory.getInstance("X.509").generateCertPath(certificates).getEncoded("PKCS7");
    } catch (CertificateException e) {
      throw new TlsException("the certificates cannot be written as PKCS#7: " + e.getMessage(), e);
    }
  }

  /** The certificates of a P7B bundle, given as DER or as PEM ({@code -----BEGIN PKCS7-----}). */
  public static List<X509Certificate> fromP7b(byte[] p7b, String field) {
    byte[] der = looksLikePem(p7b) ? pemToDer(new String(p7b, StandardCharsets.US_ASCII), field) : p7b;
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : CertificateFactory.getInstance("X.509")
          .generateCertPath(new ByteArrayInputStream(der), "PKCS7").getCertificates()) {
        certificates.add((X509Certificate) certificate);
      }
      return List.copyOf(certificates);
    } catch (CertificateException e) {
      throw new TlsException(field + " is not a PKCS#7 certificate bundle: give a .p7b file", e);
    }
  }

  /** A PKCS#12 (PFX) file holding {@code keyAndChain}, protected by {@code password}. */
  public static byte[] toPkcs12(KeyAndChain keyAndChain, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(PKCS12_ALIAS, keyAndChain.privateKey(), password,
          keyAndChain.chain().toArray(new Certificate[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsException("the key and certificates cannot be written as PKCS#12: " + e.getMessage(), e);
    }
  }

  /** The first key entry of a PKCS#12 (PFX) file, with its chain. */
  public static KeyAndChain fromPkcs12(byte[] pkcs12, char[] password, String field) {
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12), password);
    } catch (IOException e) {
      throw new TlsException(field + " cannot be opened: the password is wrong or the file is not PKCS#12", e);
    } catch (GeneralSecurityException e) {
      throw new TlsException(field + " cannot be opened as PKCS#12: " + e.getMessage(), e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        Key key = store.getKey(alias, password);
        if (key instanceof PrivateKey privateKey) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
          }
          return new KeyAndChain(privateKey, chain);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new TlsException(field + " holds a key that cannot be read with this password", e);
    }
    throw new TlsException(field + " holds no private key: export it with its key ('openssl pkcs12 -export -inkey')");
  }

  private static boolean looksLikePem(byte[] bytes) {
    String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII).stripLeading();
    return start.startsWith("-----BEGIN");
  }
}
