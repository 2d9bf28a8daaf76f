package io.github.okmsvm.core.kmip;

/** The KMIP tags this project's client and the sandbox's server read and write (KMIP 1.4 §9.1.3.1). */
public final class Tag {
  public static final int ACTIVATION_DATE = 0x420001;
  public static final int ATTRIBUTE = 0x420008;
  public static final int ATTRIBUTE_INDEX = 0x420009;
  public static final int ATTRIBUTE_NAME = 0x42000A;
  public static final int ATTRIBUTE_VALUE = 0x42000B;
  public static final int BATCH_COUNT = 0x42000D;
  public static final int BATCH_ERROR_CONTINUATION_OPTION = 0x42000E;
  public static final int BATCH_ITEM = 0x42000F;
  public static final int COMPROMISE_OCCURRENCE_DATE = 0x420021;
  public static final int CRYPTOGRAPHIC_ALGORITHM = 0x420028;
  public static final int CRYPTOGRAPHIC_LENGTH = 0x42002A;
  public static final int CRYPTOGRAPHIC_USAGE_MASK = 0x42002C;
  public static final int DEACTIVATION_DATE = 0x42002F;
  public static final int DESTROY_DATE = 0x420033;
  public static final int INITIAL_DATE = 0x420039;
  public static final int KEY_BLOCK = 0x420040;
  public static final int KEY_FORMAT_TYPE = 0x420042;
  public static final int KEY_MATERIAL = 0x420043;
  public static final int KEY_VALUE = 0x420045;
  public static final int LAST_CHANGE_DATE = 0x420048;
  public static final int LINK = 0x42004A;
  public static final int LINK_TYPE = 0x42004B;
  public static final int LINKED_OBJECT_IDENTIFIER = 0x42004C;
  public static final int MAXIMUM_ITEMS = 0x42004F;
  public static final int MAXIMUM_RESPONSE_SIZE = 0x420050;
  public static final int NAME = 0x420053;
  public static final int NAME_TYPE = 0x420054;
  public static final int NAME_VALUE = 0x420055;
  public static final int OBJECT_GROUP = 0x420056;
  public static final int OBJECT_TYPE = 0x420057;
  public static final int OFFSET = 0x420058;
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
  public static final int REVOCATION_MESSAGE = 0x420080;
  public static final int REVOCATION_REASON = 0x420081;
  public static final int REVOCATION_REASON_CODE = 0x420082;
  public static final int SECRET_DATA = 0x420085;
  public static final int SECRET_DATA_TYPE = 0x420086;
  public static final int SERVER_INFORMATION = 0x420088;
  public static final int STATE = 0x42008D;
  public static final int SYMMETRIC_KEY = 0x42008F;
  public static final int TEMPLATE_ATTRIBUTE = 0x420091;
  public static final int TIME_STAMP = 0x420092;
  public static final int UNIQUE_BATCH_ITEM_ID = 0x420093;
  public static final int UNIQUE_IDENTIFIER = 0x420094;
  public static final int VENDOR_IDENTIFICATION = 0x42009D;

  private Tag() {}
}
