package io.github.okmsvm.core.kmip;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One KMIP TTLV item: a tag, a type, and a value whose Java type follows the item type ({@code List<Ttlv>} for a
 * structure, {@code Integer} for integer, enumeration and interval, {@code Long}, {@code BigInteger},
 * {@code Boolean}, {@code String}, {@code byte[]}, {@code Instant} for date-time).
 */
public record Ttlv(int tag, ItemType type, Object value) {

  public Ttlv {
    if ((tag & ~0xFFFFFF) != 0) {
      throw new IllegalArgumentException("a tag has three bytes: " + Integer.toHexString(tag));
    }
    value = switch (type) {
      case STRUCTURE -> List.copyOf(cast(value, List.class, type));
      case INTEGER, ENUMERATION, INTERVAL -> cast(value, Integer.class, type);
      case LONG_INTEGER -> cast(value, Long.class, type);
      case BIG_INTEGER -> cast(value, BigInteger.class, type);
      case BOOLEAN -> cast(value, Boolean.class, type);
      case TEXT_STRING -> cast(value, String.class, type);
      case BYTE_STRING -> cast(value, byte[].class, type).clone();
      case DATE_TIME -> cast(value, Instant.class, type);
    };
  }

  public static Ttlv structure(int tag, Ttlv... children) {
    return new Ttlv(tag, ItemType.STRUCTURE, List.of(children));
  }

  public static Ttlv structure(int tag, List<Ttlv> children) {
    return new Ttlv(tag, ItemType.STRUCTURE, children);
  }

  public static Ttlv integer(int tag, int value) {
    return new Ttlv(tag, ItemType.INTEGER, value);
  }

  public static Ttlv longInteger(int tag, long value) {
    return new Ttlv(tag, ItemType.LONG_INTEGER, value);
  }

  public static Ttlv bigInteger(int tag, BigInteger value) {
    return new Ttlv(tag, ItemType.BIG_INTEGER, value);
  }

  public static Ttlv enumeration(int tag, int value) {
    return new Ttlv(tag, ItemType.ENUMERATION, value);
  }

  public static Ttlv bool(int tag, boolean value) {
    return new Ttlv(tag, ItemType.BOOLEAN, value);
  }

  public static Ttlv text(int tag, String value) {
    return new Ttlv(tag, ItemType.TEXT_STRING, value);
  }

  public static Ttlv bytes(int tag, byte[] value) {
    return new Ttlv(tag, ItemType.BYTE_STRING, value);
  }

  public static Ttlv dateTime(int tag, Instant value) {
    return new Ttlv(tag, ItemType.DATE_TIME, Instant.ofEpochSecond(value.getEpochSecond()));
  }

  public static Ttlv interval(int tag, int seconds) {
    return new Ttlv(tag, ItemType.INTERVAL, seconds);
  }

  @SuppressWarnings("unchecked")
  public List<Ttlv> children() {
    expect(ItemType.STRUCTURE);
    return (List<Ttlv>) value;
  }

  /** The children with {@code childTag}, in order. */
  public List<Ttlv> all(int childTag) {
    return children().stream().filter(child -> child.tag == childTag).toList();
  }

  public Optional<Ttlv> first(int childTag) {
    return children().stream().filter(child -> child.tag == childTag).findFirst();
  }

  /** The first child with {@code childTag}; a missing one is a protocol error naming the tag. */
  public Ttlv required(int childTag) {
    return first(childTag).orElseThrow(() -> new KmipException(KmipException.Cause.PROTOCOL_ERROR,
        String.format("KMIP item %06X lacks its required child %06X", tag, childTag)));
  }

  public int asInt() {
    if (type != ItemType.INTEGER && type != ItemType.ENUMERATION && type != ItemType.INTERVAL) {
      expect(ItemType.INTEGER);
    }
    return (Integer) value;
  }

  public long asLong() {
    expect(ItemType.LONG_INTEGER);
    return (Long) value;
  }

  public String asText() {
    expect(ItemType.TEXT_STRING);
    return (String) value;
  }

  public byte[] asBytes() {
    expect(ItemType.BYTE_STRING);
    return ((byte[]) value).clone();
  }

  public boolean asBoolean() {
    expect(ItemType.BOOLEAN);
    return (Boolean) value;
  }

  public Instant asInstant() {
    expect(ItemType.DATE_TIME);
    return (Instant) value;
  }

  private void expect(ItemType expected) {
    if (type != expected) {
      throw new KmipException(KmipException.Cause.PROTOCOL_ERROR,
          String.format("KMIP item %06X is a %s, expected a %s", tag, type, expected));
    }
  }

  private static <T> T cast(Object value, Class<T> javaType, ItemType type) {
    if (!javaType.isInstance(value)) {
      throw new IllegalArgumentException(type + " takes a " + javaType.getSimpleName() + ", not " + value);
    }
    return javaType.cast(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ttlv item && item.tag == tag && item.type == type
        && (type == ItemType.BYTE_STRING ? Arrays.equals((byte[]) value, (byte[]) item.value)
            : value.equals(item.value));
  }

  @Override
  public int hashCode() {
    return 31 * tag + (type == ItemType.BYTE_STRING ? Arrays.hashCode((byte[]) value) : value.hashCode());
  }

  @Override
  public String toString() {
    // Byte strings may be key material: show their size only.
    String shown = type == ItemType.BYTE_STRING ? ((byte[]) value).length + " bytes" : String.valueOf(value);
    return String.format("%06X %s %s", tag, type, shown);
  }
}
