package io.github.okmsvm.core.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The fingerprints of a certificate over its DER encoding, written as colon-separated uppercase hex: the form of
 * {@code openssl x509 -fingerprint} and the form the PCC API expects in {@code sslThumbprint} (SHA-1).
 */
public record Thumbprint(String sha1, String sha256) {
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

  public static Thumbprint of(X509Certificate certificate) {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new TlsException("the certificate cannot be DER-encoded: " + e.getMessage(), e);
    }
    return new Thumbprint(digest("SHA-1", der), digest("SHA-256", der));
  }

  /**
   * Whether {@code expected}, a SHA-1 or SHA-256 thumbprint written with or without colons, in any case, is this
   * certificate's.
   */
  public boolean matches(String expected) {
    String normalized = normalize(expected);
    return normalized.equals(normalize(sha1)) || normalized.equals(normalize(sha256));
  }

  /** Uppercase hex without separators, for comparisons. */
  public static String normalize(String thumbprint) {
    return thumbprint.replace(":", "").replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static String digest(String algorithm, byte[] data) {
    try {
      return COLON_HEX.formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }
}
