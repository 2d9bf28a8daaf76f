package io.github.okmsvm.core.kmip;

/** KMIP managed object types (1.4 §9.1.3.2.12). */
public enum ObjectType implements KmipEnumeration {
  CERTIFICATE(0x01), SYMMETRIC_KEY(0x02), PUBLIC_KEY(0x03), PRIVATE_KEY(0x04), SPLIT_KEY(0x05),
  TEMPLATE(0x06), SECRET_DATA(0x07), OPAQUE_OBJECT(0x08), PGP_KEY(0x09), CERTIFICATE_REQUEST(0x0A);

  private final int code;

  ObjectType(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  /** The name of {@code code}, such as "SymmetricKey", or its hex form when this client does not know it. */
  public static String nameOf(int code) {
    return KmipEnumeration.nameOf(ObjectType.class, code);
  }
}
