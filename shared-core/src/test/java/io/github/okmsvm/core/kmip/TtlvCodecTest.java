package io.github.okmsvm.core.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtlvCodecTest {
  /** The Discover Versions request PyKMIP accepted, encoded by hand from the specification. */
  private static final String DISCOVER_VERSIONS_1_2 =
      "42007801000000604200770100000038420069010000002042006a0200000004"
          + "000000010000000042006b0200000004000000020000000042000d0200000004"
          + "000000010000000042000f010000001842005c05000000040000001e00000000"
          + "4200790100000000";

  @Test
  void encodesTheReferenceDiscoverVersionsRequestByteForByte() {
    RequestMessage request = RequestMessage.discoverVersions(ProtocolVersion.V1_2, List.of());

    byte[] encoded = TtlvCodec.encode(request.toTtlv());

    assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(DISCOVER_VERSIONS_1_2);
    assertThat(encoded).hasSize(104);
    assertThat(RequestMessage.from(TtlvCodec.decode(encoded))).isEqualTo(request);
  }

  @Test
  void roundTripsEveryItemTypeWithPadding() {
    Ttlv message = Ttlv.structure(0x420001,
        Ttlv.integer(0x420002, -7),
        Ttlv.longInteger(0x420003, Long.MIN_VALUE),
        Ttlv.bigInteger(0x420004, new BigInteger("-123456789012345678901234567890")),
        Ttlv.enumeration(0x420005, 0x1E),
        Ttlv.bool(0x420006, true),
        Ttlv.text(0x420007, "héllo"),
        Ttlv.bytes(0x420008, new byte[] {1, 2, 3}),
        Ttlv.dateTime(0x420009, Instant.parse("2026-11-29T12:00:00Z")),
        Ttlv.interval(0x42000A, 3600),
        Ttlv.structure(0x42000B));

    byte[] encoded = TtlvCodec.encode(message);

    assertThat(encoded.length % 8).isZero();
    assertThat(TtlvCodec.decode(encoded)).isEqualTo(message);
    // "héllo" is 6 UTF-8 bytes: length 6, then 2 bytes of zero padding
    String hex = HexFormat.of().formatHex(encoded);
    assertThat(hex).contains("4200070700000006" + "68c3a96c6c6f" + "0000");
    assertThat(hex).contains("4200080800000003" + "0102030000000000");
  }

  @Test
  void bigIntegersAreSignExtendedToMultiplesOfEightBytes() {
    byte[] encoded = TtlvCodec.encode(Ttlv.bigInteger(0x420004, BigInteger.valueOf(-1)));

    assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("4200040400000008ffffffffffffffff");
  }

  @Test
  void readsOneFramedMessageFromAStream() throws Exception {
    byte[] one = HexFormat.of().parseHex(DISCOVER_VERSIONS_1_2);
    byte[] two = new byte[one.length * 2];
    System.arraycopy(one, 0, two, 0, one.length);
    System.arraycopy(one, 0, two, one.length, one.length);
    ByteArrayInputStream stream = new ByteArrayInputStream(two);

    assertThat(TtlvCodec.readMessage(stream, 1024)).isEqualTo(TtlvCodec.decode(one));
    assertThat(TtlvCodec.readMessage(stream, 1024)).isEqualTo(TtlvCodec.decode(one));
    assertThatThrownBy(() -> TtlvCodec.readMessage(stream, 1024)).isInstanceOf(EOFException.class)
        .hasMessage("the KMIP peer closed the connection without answering");
  }

  @Test
  void malformedInputIsAProtocolErrorThatSaysWhere() {
    byte[] valid = HexFormat.of().parseHex(DISCOVER_VERSIONS_1_2);

    assertThatThrownBy(() -> TtlvCodec.decode(java.util.Arrays.copyOf(valid, 50)))
        .isInstanceOf(KmipException.class)
        .hasMessage("malformed KMIP message: item 420078 announces 96 bytes, only 42 left")
        .extracting(e -> ((KmipException) e).reason()).isEqualTo(KmipException.Cause.PROTOCOL_ERROR);
    assertThatThrownBy(() -> TtlvCodec.decode(HexFormat.of().parseHex("420006060000000800000000000000ff")))
        .hasMessage("malformed KMIP message: boolean item 420006 holds 255");
    assertThatThrownBy(() -> TtlvCodec.decode(HexFormat.of().parseHex("4200020200000008" + "0000000000000000")))
        .hasMessage("malformed KMIP message: INTEGER item 420002 has length 8, expected 4");
    assertThatThrownBy(() -> TtlvCodec.decode(HexFormat.of().parseHex("4200021100000000")))
        .hasMessage("unknown TTLV item type 0x11: the peer does not speak KMIP TTLV");
    assertThatThrownBy(() -> TtlvCodec.readMessage(new ByteArrayInputStream(
        HexFormat.of().parseHex("485454502f312e31")), 1 << 20))
        .hasMessageContaining("above the 1048576-byte limit");
  }

  @Test
  void responsesRoundTripWithFailureDetails() {
    ResponseMessage failure = ResponseMessage.failure(ProtocolVersion.V1_4, Operation.QUERY.code(),
        ResultReason.PERMISSION_DENIED, "no");

    ResponseMessage back = ResponseMessage.from(TtlvCodec.decode(TtlvCodec.encode(failure.toTtlv())));

    assertThat(back.succeeded()).isFalse();
    assertThat(back.resultReason()).contains(ResultReason.PERMISSION_DENIED.code());
    assertThat(back.resultMessage()).contains("no");
    assertThat(back.version()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(Operation.nameOf(back.operation())).isEqualTo("Query");
    assertThat(ResultReason.nameOf(3)).isEqualTo("AuthenticationNotSuccessful");
    assertThat(Operation.nameOf(0x999)).isEqualTo("0x00000999");
  }

  @Test
  void byteStringsNeverShowTheirContent() {
    assertThat(Ttlv.bytes(0x420043, new byte[] {0x13, 0x37})).hasToString("420043 BYTE_STRING 2 bytes");
  }
}
