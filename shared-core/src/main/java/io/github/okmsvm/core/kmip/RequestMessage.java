package io.github.okmsvm.core.kmip;

import java.util.ArrayList;
import java.util.List;

/** A KMIP request message with one batch item: what this client sends, and what a server reads. */
public record RequestMessage(ProtocolVersion version, int operation, Ttlv payload) {

  /** Discover Versions offering {@code offered}, most preferred first. */
  public static RequestMessage discoverVersions(ProtocolVersion header, List<ProtocolVersion> offered) {
    List<Ttlv> versions = new ArrayList<>();
    for (ProtocolVersion version : offered) {
      versions.add(version.toTtlv());
    }
    return new RequestMessage(header, Operation.DISCOVER_VERSIONS.code(),
        Ttlv.structure(Tag.REQUEST_PAYLOAD, versions));
  }

  /** Query for {@code functions}. */
  public static RequestMessage query(ProtocolVersion header, List<QueryFunction> functions) {
    List<Ttlv> items = new ArrayList<>();
    for (QueryFunction function : functions) {
      items.add(Ttlv.enumeration(Tag.QUERY_FUNCTION, function.code()));
    }
    return new RequestMessage(header, Operation.QUERY.code(), Ttlv.structure(Tag.REQUEST_PAYLOAD, items));
  }

  public Ttlv toTtlv() {
    return Ttlv.structure(Tag.REQUEST_MESSAGE,
        Ttlv.structure(Tag.REQUEST_HEADER, version.toTtlv(), Ttlv.integer(Tag.BATCH_COUNT, 1)),
        Ttlv.structure(Tag.BATCH_ITEM, Ttlv.enumeration(Tag.OPERATION, operation), payload));
  }

  /** Reads a request with one batch item; servers answer the first item only. */
  public static RequestMessage from(Ttlv message) {
    if (message.tag() != Tag.REQUEST_MESSAGE) {
      throw new KmipException(KmipException.Cause.PROTOCOL_ERROR,
          String.format("expected a KMIP request message, got item %06X", message.tag()));
    }
    ProtocolVersion version = ProtocolVersion.from(message.required(Tag.REQUEST_HEADER)
        .required(Tag.PROTOCOL_VERSION));
    Ttlv item = message.required(Tag.BATCH_ITEM);
    Ttlv payload = item.first(Tag.REQUEST_PAYLOAD).orElse(Ttlv.structure(Tag.REQUEST_PAYLOAD));
    return new RequestMessage(version, item.required(Tag.OPERATION).asInt(), payload);
  }
}
