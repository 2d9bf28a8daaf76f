package io.github.okmsvm.core.tls;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/** A public key's type and strength: {@code RSA 2048} or {@code EC 256 (P-256)}. */
public record KeyDescription(String algorithm, int bits, String curve) {

  public static KeyDescription of(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return new KeyDescription("RSA", rsa.getModulus().bitLength(), null);
    }
    if (key instanceof ECPublicKey ec) {
      return new KeyDescription("EC", ec.getParams().getCurve().getField().getFieldSize(), curveName(key));
    }
    return new KeyDescription(key.getAlgorithm(), 0, null);
  }

  private static String curveName(PublicKey key) {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    if (info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid) {
      String name = ECNamedCurveTable.getName(oid);
      return name == null ? oid.getId() : nistName(name);
    }
    return "explicit parameters";
  }

  private static String nistName(String name) {
    switch (name) {
      case "secp256r1":
      case "prime256v1":
        return "P-256";
      case "secp384r1":
        return "P-384";
      case "secp521r1":
        return "P-521";
      default:
        return name;
    }
  }

  @Override
  public String toString() {
    String text = algorithm + (bits > 0 ? " " + bits : "");
    return curve == null ? text : text + " (" + curve + ")";
  }
}
