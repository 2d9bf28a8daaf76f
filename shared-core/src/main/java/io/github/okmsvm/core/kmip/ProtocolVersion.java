package io.github.okmsvm.core.kmip;

import java.util.List;

/** A KMIP protocol version, such as 1.4. */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {
  public static final ProtocolVersion V1_0 = new ProtocolVersion(1, 0);
  public static final ProtocolVersion V1_1 = new ProtocolVersion(1, 1);
  public static final ProtocolVersion V1_2 = new ProtocolVersion(1, 2);
  public static final ProtocolVersion V1_3 = new ProtocolVersion(1, 3);
  public static final ProtocolVersion V1_4 = new ProtocolVersion(1, 4);

  /** What this client speaks, most preferred first, as OVHcloud's own KMIP client offers them. */
  public static final List<ProtocolVersion> SUPPORTED = List.of(V1_4, V1_3, V1_2, V1_1, V1_0);

  public Ttlv toTtlv() {
    return Ttlv.structure(Tag.PROTOCOL_VERSION,
        Ttlv.integer(Tag.PROTOCOL_VERSION_MAJOR, major),
        Ttlv.integer(Tag.PROTOCOL_VERSION_MINOR, minor));
  }

  public static ProtocolVersion from(Ttlv item) {
    return new ProtocolVersion(item.required(Tag.PROTOCOL_VERSION_MAJOR).asInt(),
        item.required(Tag.PROTOCOL_VERSION_MINOR).asInt());
  }

  @Override
  public int compareTo(ProtocolVersion other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
