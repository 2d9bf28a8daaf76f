package io.github.okmsvm.core.kmip;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * KMIP's binary TTLV encoding: a 3-byte tag, a 1-byte type, a 4-byte length of the unpadded value, then the value
 * padded with zeros to a multiple of 8 bytes. Structures hold their children back to back.
 */
public final class TtlvCodec {
  /** The largest message read from a peer unless told otherwise; OVHcloud's own KMIP client uses the same. */
  public static final int DEFAULT_MAX_MESSAGE = 1 << 20;

  private TtlvCodec() {}

  public static byte[] encode(Ttlv item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(item, out);
    return out.toByteArray();
  }

  /** Decodes exactly one item that spans all of {@code bytes}. */
  public static Ttlv decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    Ttlv item = read(buffer);
    if (buffer.hasRemaining()) {
      throw protocolError(buffer.remaining() + " bytes follow the message");
    }
    return item;
  }

  /** Reads one message from a stream: its 8-byte header, then as many bytes as the header announces. */
  public static Ttlv readMessage(InputStream stream, int maxMessage) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    byte[] header = new byte[8];
    try {
      in.readFully(header);
    } catch (EOFException e) {
      throw new EOFException("the KMIP peer closed the connection without answering");
    }
    long length = Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).getInt());
    if (length > maxMessage) {
      throw protocolError("the peer announced a " + length + "-byte message, above the " + maxMessage
          + "-byte limit");
    }
    byte[] message = new byte[8 + (int) length];
    System.arraycopy(header, 0, message, 0, 8);
    in.readFully(message, 8, (int) length);
    return decode(message);
  }

  private static void write(Ttlv item, ByteArrayOutputStream out) {
    byte[] value = valueBytes(item);
    out.write(item.tag() >>> 16);
    out.write(item.tag() >>> 8);
    out.write(item.tag());
    out.write(item.type().code());
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
    out.writeBytes(new byte[padding(value.length)]);
  }

  private static byte[] valueBytes(Ttlv item) {
    switch (item.type()) {
      case STRUCTURE: {
        ByteArrayOutputStream children = new ByteArrayOutputStream();
        for (Ttlv child : item.children()) {
          write(child, children);
        }
        return children.toByteArray();
      }
      case INTEGER:
      case ENUMERATION:
      case INTERVAL:
        return ByteBuffer.allocate(4).putInt((Integer) item.value()).array();
      case LONG_INTEGER:
        return ByteBuffer.allocate(8).putLong((Long) item.value()).array();
      case DATE_TIME:
        return ByteBuffer.allocate(8).putLong(((Instant) item.value()).getEpochSecond()).array();
      case BOOLEAN:
        return ByteBuffer.allocate(8).putLong((Boolean) item.value() ? 1 : 0).array();
      case BIG_INTEGER:
        return bigIntegerBytes((BigInteger) item.value());
      case TEXT_STRING:
        return ((String) item.value()).getBytes(StandardCharsets.UTF_8);
      case BYTE_STRING:
        return (byte[]) item.value();
      default:
        throw new IllegalStateException(item.type().name());
    }
  }

  /** Two's complement, sign-extended to a multiple of 8 bytes, as the specification requires. */
  private static byte[] bigIntegerBytes(BigInteger value) {
    byte[] minimal = value.toByteArray();
    int length = ((minimal.length + 7) / 8) * 8;
    byte[] padded = new byte[length];
    byte fill = (byte) (value.signum() < 0 ? 0xFF : 0x00);
    java.util.Arrays.fill(padded, 0, length - minimal.length, fill);
    System.arraycopy(minimal, 0, padded, length - minimal.length, minimal.length);
    return padded;
  }

  private static Ttlv read(ByteBuffer buffer) {
    if (buffer.remaining() < 8) {
      throw protocolError("truncated item header (" + buffer.remaining() + " bytes left)");
    }
    int tag = ((buffer.get() & 0xFF) << 16) | ((buffer.get() & 0xFF) << 8) | (buffer.get() & 0xFF);
    ItemType type = ItemType.of(buffer.get() & 0xFF);
    long length = Integer.toUnsignedLong(buffer.getInt());
    long padded = length + padding((int) Math.min(length, Integer.MAX_VALUE));
    if (type == ItemType.STRUCTURE) {
      padded = length; // children are padded themselves
    }
    if (padded > buffer.remaining()) {
      throw protocolError(String.format("item %06X announces %d bytes, only %d left", tag, length,
          buffer.remaining()));
    }
    ByteBuffer value = buffer.slice(buffer.position(), (int) length);
    buffer.position(buffer.position() + (int) padded);
    return new Ttlv(tag, type, decodeValue(tag, type, value));
  }

  private static Object decodeValue(int tag, ItemType type, ByteBuffer value) {
    switch (type) {
      case STRUCTURE: {
        List<Ttlv> children = new ArrayList<>();
        while (value.hasRemaining()) {
          children.add(read(value));
        }
        return children;
      }
      case INTEGER:
      case ENUMERATION:
      case INTERVAL:
        fixedLength(tag, type, value, 4);
        return value.getInt();
      case LONG_INTEGER:
        fixedLength(tag, type, value, 8);
        return value.getLong();
      case DATE_TIME:
        fixedLength(tag, type, value, 8);
        return Instant.ofEpochSecond(value.getLong());
      case BOOLEAN:
        fixedLength(tag, type, value, 8);
        long flag = value.getLong();
        if (flag != 0 && flag != 1) {
          throw protocolError(String.format("boolean item %06X holds %d", tag, flag));
        }
        return flag == 1;
      case BIG_INTEGER: {
        if (value.remaining() % 8 != 0) {
          throw protocolError(String.format("big integer item %06X is %d bytes, not a multiple of 8", tag,
              value.remaining()));
        }
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return new BigInteger(bytes);
      }
      case TEXT_STRING:
        try {
          return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .decode(value).toString();
        } catch (CharacterCodingException e) {
          throw protocolError(String.format("text item %06X is not UTF-8", tag));
        }
      case BYTE_STRING: {
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return bytes;
      }
      default:
        throw new IllegalStateException(type.name());
    }
  }

  private static void fixedLength(int tag, ItemType type, ByteBuffer value, int expected) {
    if (value.remaining() != expected) {
      throw protocolError(String.format("%s item %06X has length %d, expected %d", type, tag, value.remaining(),
          expected));
    }
  }

  private static int padding(int length) {
    return (8 - length % 8) % 8;
  }

  private static KmipException protocolError(String detail) {
    return new KmipException(KmipException.Cause.PROTOCOL_ERROR, "malformed KMIP message: " + detail);
  }
}
