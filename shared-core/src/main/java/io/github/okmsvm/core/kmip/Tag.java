package io.github.okmsvm.core.kmip;

/** The KMIP tags this client reads and writes (KMIP 1.4 §9.1.3.1). */
public final class Tag {
  public static final int BATCH_COUNT = 0x42000D;
  public static final int BATCH_ITEM = 0x42000F;
  public static final int MAXIMUM_RESPONSE_SIZE = 0x420050;
  public static final int OBJECT_TYPE = 0x420057;
  public static final int OPERATION = 0x42005C;
  public static final int PROTOCOL_VERSION = 0x420069;
  public static final int PROTOCOL_VERSION_MAJOR = 0x42006A;
  public static final int PROTOCOL_VERSION_MINOR = 0x42006B;
  public static final int QUERY_FUNCTION = 0x420074;
  public static final int REQUEST_HEADER = 0x420077;
  public static final int REQUEST_MESSAGE = 0x420078;
  public static final int REQUEST_PAYLOAD = 0x420079;
  public static final int RESPONSE_HEADER = 0x42007A;
  public static final int RESPONSE_MESSAGE = 0x42007B;
  public static final int RESPONSE_PAYLOAD = 0x42007C;
  public static final int RESULT_MESSAGE = 0x42007D;
  public static final int RESULT_REASON = 0x42007E;
  public static final int RESULT_STATUS = 0x42007F;
  public static final int SERVER_INFORMATION = 0x420088;
  public static final int TIME_STAMP = 0x420092;
  public static final int UNIQUE_BATCH_ITEM_ID = 0x420093;
  public static final int VENDOR_IDENTIFICATION = 0x42009D;

  private Tag() {}
}
