package io.github.okmsvm.core.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * One subject alternative name. {@code kind} is {@code DNS}, {@code IP}, {@code email}, {@code URI}, {@code dirName},
 * {@code registeredID}, or for an otherName its type ({@code UPN} for Microsoft's user principal name, which OKMS uses,
 * else {@code otherName:<oid>}).
 */
public record SubjectAltName(String kind, String value) {
  /** The otherName type OKMS puts its {@code okms.domain:<id>} value under. */
  public static final String UPN_OID = "1.3.6.1.4.1.311.20.2.3";

  @Override
  public String toString() {
    return kind + ":" + value;
  }

  static List<SubjectAltName> from(Extensions extensions) {
    List<SubjectAltName> names = new ArrayList<>();
    if (extensions == null) {
      return names;
    }
    GeneralNames general = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
    if (general == null) {
      return names;
    }
    for (GeneralName name : general.getNames()) {
      names.add(of(name));
    }
    return List.copyOf(names);
  }

  private static SubjectAltName of(GeneralName name) {
    ASN1Encodable value = name.getName();
    switch (name.getTagNo()) {
      case GeneralName.dNSName:
        return new SubjectAltName("DNS", value.toString());
      case GeneralName.rfc822Name:
        return new SubjectAltName("email", value.toString());
      case GeneralName.uniformResourceIdentifier:
        return new SubjectAltName("URI", value.toString());
      case GeneralName.directoryName:
        return new SubjectAltName("dirName", value.toString());
      case GeneralName.registeredID:
        return new SubjectAltName("registeredID", value.toString());
      case GeneralName.iPAddress:
        return new SubjectAltName("IP", ipAddress(ASN1OctetString.getInstance(value).getOctets()));
      case GeneralName.otherName:
        return otherName(ASN1Sequence.getInstance(value));
      default:
        return new SubjectAltName("tag" + name.getTagNo(), value.toString());
    }
  }

  private static SubjectAltName otherName(ASN1Sequence sequence) {
    String oid = ASN1ObjectIdentifier.getInstance(sequence.getObjectAt(0)).getId();
    ASN1Encodable inner = sequence.getObjectAt(1);
    while (inner instanceof ASN1TaggedObject tagged) {
      inner = tagged.getExplicitBaseObject();
    }
    String text = inner instanceof ASN1String string ? string.getString() : inner.toString();
    return new SubjectAltName(UPN_OID.equals(oid) ? "UPN" : "otherName:" + oid, text);
  }

  private static String ipAddress(byte[] octets) {
    try {
      return InetAddress.getByAddress(octets).getHostAddress();
    } catch (UnknownHostException e) {
      return "invalid(" + octets.length + " bytes)";
    }
  }
}
