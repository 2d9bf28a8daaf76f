package io.github.okmsvm.core.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Whether a private key, a certificate and a CSR belong together. Public keys are compared by their encoding; a
 * private key is matched by signing a random challenge and verifying it with the public key, which works for every
 * key type without deriving anything by hand.
 */
public final class KeyMatch {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyMatch() {}

  public static boolean matches(PublicKey a, PublicKey b) {
    return Arrays.equals(a.getEncoded(), b.getEncoded());
  }

  public static boolean matches(X509Certificate certificate, PKCS10CertificationRequest csr) {
    return matches(certificate.getPublicKey(), CsrDetails.publicKey(csr));
  }

  public static boolean matches(PrivateKey privateKey, X509Certificate certificate) {
    return matches(privateKey, certificate.getPublicKey());
  }

  public static boolean matches(PrivateKey privateKey, PKCS10CertificationRequest csr) {
    return matches(privateKey, CsrDetails.publicKey(csr));
  }

  public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())
        && !(isEc(privateKey.getAlgorithm()) && isEc(publicKey.getAlgorithm()))) {
      return false;
    }
    String algorithm = signatureAlgorithm(publicKey.getAlgorithm());
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm, Pem.BC);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm, Pem.BC);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isEc(String algorithm) {
    return algorithm.equals("EC") || algorithm.equals("ECDSA");
  }

  private static String signatureAlgorithm(String keyAlgorithm) {
    switch (keyAlgorithm) {
      case "RSA":
        return "SHA256withRSA";
      case "EC":
      case "ECDSA":
        return "SHA256withECDSA";
      default:
        return keyAlgorithm; // Ed25519, Ed448: the key algorithm names its signature
    }
  }
}
