package io.github.okmsvm.core.kmip;

import java.time.Instant;
import java.util.Optional;

/**
 * A KMIP response message with one batch item: what a server sends, and what this client reads. On failure
 * {@code resultReason} and {@code resultMessage} say why, and {@code payload} is empty.
 */
public record ResponseMessage(ProtocolVersion version, Instant timestamp, int operation, int resultStatus,
    Optional<Integer> resultReason, Optional<String> resultMessage, Ttlv payload) {

  public static ResponseMessage success(ProtocolVersion version, int operation, Ttlv payload) {
    return new ResponseMessage(version, Instant.now(), operation, ResultStatus.SUCCESS.code(), Optional.empty(),
        Optional.empty(), payload);
  }

  public static ResponseMessage failure(ProtocolVersion version, int operation, ResultReason reason,
      String message) {
    return new ResponseMessage(version, Instant.now(), operation, ResultStatus.OPERATION_FAILED.code(),
        Optional.of(reason.code()), Optional.of(message), Ttlv.structure(Tag.RESPONSE_PAYLOAD));
  }

  public boolean succeeded() {
    return resultStatus == ResultStatus.SUCCESS.code();
  }

  public Ttlv toTtlv() {
    Ttlv header = Ttlv.structure(Tag.RESPONSE_HEADER, version.toTtlv(), Ttlv.dateTime(Tag.TIME_STAMP, timestamp),
        Ttlv.integer(Tag.BATCH_COUNT, 1));
    java.util.List<Ttlv> item = new java.util.ArrayList<>();
    item.add(Ttlv.enumeration(Tag.OPERATION, operation));
    item.add(Ttlv.enumeration(Tag.RESULT_STATUS, resultStatus));
    resultReason.ifPresent(reason -> item.add(Ttlv.enumeration(Tag.RESULT_REASON, reason)));
    resultMessage.ifPresent(message -> item.add(Ttlv.text(Tag.RESULT_MESSAGE, message)));
    if (succeeded()) {
      item.add(payload);
    }
    return Ttlv.structure(Tag.RESPONSE_MESSAGE, header, Ttlv.structure(Tag.BATCH_ITEM, item));
  }

  public static ResponseMessage from(Ttlv message) {
    if (message.tag() != Tag.RESPONSE_MESSAGE) {
      throw new KmipException(KmipException.Cause.PROTOCOL_ERROR,
          String.format("expected a KMIP response message, got item %06X", message.tag()));
    }
    Ttlv header = message.required(Tag.RESPONSE_HEADER);
    Ttlv item = message.required(Tag.BATCH_ITEM);
    // A server may omit the operation in a failed item (1.x allows it when the request could not be parsed).
    int operation = item.first(Tag.OPERATION).map(Ttlv::asInt).orElse(0);
    return new ResponseMessage(
        ProtocolVersion.from(header.required(Tag.PROTOCOL_VERSION)),
        header.first(Tag.TIME_STAMP).map(Ttlv::asInstant).orElse(Instant.EPOCH),
        operation,
        item.required(Tag.RESULT_STATUS).asInt(),
        item.first(Tag.RESULT_REASON).map(Ttlv::asInt),
        item.first(Tag.RESULT_MESSAGE).map(Ttlv::asText),
        item.first(Tag.RESPONSE_PAYLOAD).orElse(Ttlv.structure(Tag.RESPONSE_PAYLOAD)));
  }
}
