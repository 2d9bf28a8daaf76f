package io.github.okmsvm.core.kmip;

/** What a KMIP Query asks for (1.4 §9.1.3.2.24). */
public enum QueryFunction implements KmipEnumeration {
  QUERY_OPERATIONS(0x01), QUERY_OBJECTS(0x02), QUERY_SERVER_INFORMATION(0x03),
  QUERY_APPLICATION_NAMESPACES(0x04), QUERY_EXTENSION_LIST(0x05), QUERY_EXTENSION_MAP(0x06);

  private final int code;

  QueryFunction(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  /** The name of {@code code}, such as "QueryOperations", or its hex form when this client does not know it. */
  public static String nameOf(int code) {
    return KmipEnumeration.nameOf(QueryFunction.class, code);
  }
}
