package io.github.okmsvm.core.kmip;

/** KMIP operations (1.4 §9.1.3.2.27 and 2.0 additions). */
public enum Operation implements KmipEnumeration {
  CREATE(0x01), CREATE_KEY_PAIR(0x02), REGISTER(0x03), RE_KEY(0x04), DERIVE_KEY(0x05), CERTIFY(0x06),
  RE_CERTIFY(0x07), LOCATE(0x08), CHECK(0x09), GET(0x0A), GET_ATTRIBUTES(0x0B), GET_ATTRIBUTE_LIST(0x0C),
  ADD_ATTRIBUTE(0x0D), MODIFY_ATTRIBUTE(0x0E), DELETE_ATTRIBUTE(0x0F), OBTAIN_LEASE(0x10),
  GET_USAGE_ALLOCATION(0x11), ACTIVATE(0x12), REVOKE(0x13), DESTROY(0x14), ARCHIVE(0x15), RECOVER(0x16),
  VALIDATE(0x17), QUERY(0x18), CANCEL(0x19), POLL(0x1A), NOTIFY(0x1B), PUT(0x1C), RE_KEY_KEY_PAIR(0x1D),
  DISCOVER_VERSIONS(0x1E), ENCRYPT(0x1F), DECRYPT(0x20), SIGN(0x21), SIGNATURE_VERIFY(0x22), MAC(0x23),
  MAC_VERIFY(0x24), RNG_RETRIEVE(0x25), RNG_SEED(0x26), HASH(0x27), CREATE_SPLIT_KEY(0x28),
  JOIN_SPLIT_KEY(0x29), IMPORT(0x2A), EXPORT(0x2B), LOG(0x2C), LOGIN(0x2D), LOGOUT(0x2E),
  DELEGATED_LOGIN(0x2F), ADJUST_ATTRIBUTE(0x30), SET_ATTRIBUTE(0x31), SET_ENDPOINT_ROLE(0x32), PKCS_11(0x33),
  INTEROP(0x34), RE_PROVISION(0x35);

  private final int code;

  Operation(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  /** The name of {@code code}, such as "DiscoverVersions", or its hex form when this client does not know it. */
  public static String nameOf(int code) {
    return KmipEnumeration.nameOf(Operation.class, code);
  }
}
