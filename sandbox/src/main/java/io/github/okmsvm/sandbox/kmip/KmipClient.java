package io.github.okmsvm.sandbox.kmip;

import io.github.okmsvm.core.kmip.KmipClientCredentials;
import io.github.okmsvm.core.kmip.Operation;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.kmip.ResultReason;
import io.github.okmsvm.core.kmip.ResultStatus;
import io.github.okmsvm.core.kmip.Tag;
import io.github.okmsvm.core.kmip.Ttlv;
import io.github.okmsvm.core.kmip.TtlvCodec;
import io.github.okmsvm.core.tls.TlsEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A KMIP client session over mutual TLS, as the sandbox vCenter opens one to its key provider: requests of one or more
 * batch items, each tagged with a Unique Batch Item ID ({@code QLKC} and a counter, as vCenter numbers them).
 */
public final class KmipClient implements AutoCloseable {
  private final SSLSocket socket;
  private final ProtocolVersion version;
  private int batchItems;

  private KmipClient(SSLSocket socket, ProtocolVersion version) {
    this.socket = socket;
    this.version = version;
  }

  /**
   * Connects to {@code endpoint}, trusting {@code trustedPem} and presenting {@code credentials}, speaking
   * {@code version}. A connection or TLS failure is an {@link IOException} saying what failed.
   */
  public static KmipClient connect(TlsEndpoint endpoint, String trustedPem, KmipClientCredentials credentials,
      ProtocolVersion version, Duration timeout) throws IOException {
    int millis = Math.toIntExact(timeout.toMillis());
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      raw.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
      raw.setSoTimeout(millis);
      SSLSocket socket = (SSLSocket) KmipClientCredentials.sslContext(credentials, trustedPem).getSocketFactory()
          .createSocket(raw, endpoint.host(), endpoint.port(), true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return new KmipClient(socket, version);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** One operation; its response payload, or a {@link Refusal} with the server's reason and message. */
  public Ttlv call(Operation operation, Ttlv payload) throws IOException {
    return batch(List.of(new Item(operation, payload))).get(0).payloadOrThrow();
  }

  /** Several operations in one message; one answer per item the server processed, in order. */
  public List<Answer> batch(List<Item> items) throws IOException {
    List<Ttlv> message = new ArrayList<>();
    message.add(Ttlv.structure(Tag.REQUEST_HEADER, version.toTtlv(), Ttlv.integer(Tag.BATCH_COUNT, items.size())));
    for (Item item : items) {
      List<Ttlv> parts = new ArrayList<>();
      parts.add(Ttlv.enumeration(Tag.OPERATION, item.operation().code()));
      if (items.size() > 1) {
        parts.add(Ttlv.bytes(Tag.UNIQUE_BATCH_ITEM_ID, ByteBuffer.allocate(8).put("QLKC".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII)).putInt(Integer.reverseBytes(++batchItems)).array()));
      }
      parts.add(new Ttlv(Tag.REQUEST_PAYLOAD, item.payload().type(), item.payload().value()));
      message.add(Ttlv.structure(Tag.BATCH_ITEM, parts));
    }
    socket.getOutputStream().write(TtlvCodec.encode(Ttlv.structure(Tag.REQUEST_MESSAGE, message)));
    socket.getOutputStream().flush();
    Ttlv response = TtlvCodec.readMessage(socket.getInputStream(), TtlvCodec.DEFAULT_MAX_MESSAGE);
    List<Answer> answers = new ArrayList<>();
    for (Ttlv item : response.all(Tag.BATCH_ITEM)) {
      answers.add(new Answer(item.first(Tag.OPERATION).map(Ttlv::asInt).orElse(0),
          item.required(Tag.RESULT_STATUS).asInt(), item.first(Tag.RESULT_REASON).map(Ttlv::asInt).orElse(0),
          item.first(Tag.RESULT_MESSAGE).map(Ttlv::asText).orElse(""),
          item.first(Tag.UNIQUE_BATCH_ITEM_ID).map(Ttlv::asBytes).orElse(null),
          item.first(Tag.RESPONSE_PAYLOAD).orElse(Ttlv.structure(Tag.RESPONSE_PAYLOAD))));
    }
    return answers;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** One operation of a request. */
  public record Item(Operation operation, Ttlv payload) {}

  /** One batch item of a response. */
  public record Answer(int operation, int status, int reason, String message, byte[] batchItemId, Ttlv payload) {
    public boolean succeeded() {
      return status == ResultStatus.SUCCESS.code();
    }

    public Ttlv payloadOrThrow() throws Refusal {
      if (!succeeded()) {
        throw new Refusal(Operation.nameOf(operation), ResultReason.nameOf(reason), message);
      }
      return payload;
    }
  }

  /** The server answered Operation Failed: {@link #reason()} is the KMIP Result Reason's name. */
  public static final class Refusal extends IOException {
    private final String operation;
    private final String reason;

    Refusal(String operation, String reason, String message) {
      super(operation + " failed: " + reason + " (" + message + ")");
      this.operation = operation;
      this.reason = reason;
    }

    public String operation() {
      return operation;
    }

    public String reason() {
      return reason;
    }
  }
}
