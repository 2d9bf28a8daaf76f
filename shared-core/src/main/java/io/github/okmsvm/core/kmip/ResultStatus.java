package io.github.okmsvm.core.kmip;

/** KMIP result statuses (1.4 §9.1.3.2.28). */
public enum ResultStatus implements KmipEnumeration {
  SUCCESS(0x00), OPERATION_FAILED(0x01), OPERATION_PENDING(0x02), OPERATION_UNDONE(0x03);

  private final int code;

  ResultStatus(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  /** The name of {@code code}, such as "OperationFailed", or its hex form when this client does not know it. */
  public static String nameOf(int code) {
    return KmipEnumeration.nameOf(ResultStatus.class, code);
  }
}
