package io.github.okmsvm.core.kmip;

import io.github.okmsvm.core.tls.TlsEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens a mutual-TLS connection to a KMIP server, negotiates the protocol version with Discover Versions (as
 * OVHcloud's own client does: offer 1.4 to 1.0 in a 1.1 header, fall back to 1.0 if the operation is unknown), then
 * asks Query for operations, object types and server information. Every failure ends in a {@link KmipException}
 * whose {@link KmipException.Cause} and message say what to fix.
 */
public final class KmipProbe {
  private static final Set<String> CERTIFICATE_ALERTS = Set.of("handshake_failure", "bad_certificate",
      "unsupported_certificate", "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca",
      "access_denied", "certificate_required", "decrypt_error");

  private final TlsEndpoint endpoint;
  private final String trustedCaPem;
  private final KmipClientCredentials credentials;
  private final Duration timeout;
  private final Consumer<X509Certificate> presented;

  private KmipProbe(Builder builder) {
    this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint");
    this.trustedCaPem = Objects.requireNonNull(builder.trustedCaPem,
        "trustedCaPem: give the CA that issued the KMIP server certificate (an OKMS publicCA)");
    this.credentials = builder.credentials;
    this.timeout = builder.timeout;
    this.presented = builder.presented;
  }

  public static Builder builder(TlsEndpoint endpoint) {
    return new Builder(endpoint);
  }

  public KmipProbeResult probe() {
    SSLContext context = sslContext();
    int millis = Math.toIntExact(timeout.toMillis());
    Socket raw = connect(millis);
    try (raw;
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
            .createSocket(raw, endpoint.host(), endpoint.port(), true)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      handshake(socket);
      presented.accept((X509Certificate) socket.getSession().getPeerCertificates()[0]);
      Exchange exchange = new Exchange(socket.getInputStream(), socket.getOutputStream());
      return exchange(socket, exchange);
    } catch (SocketTimeoutException e) {
      throw new KmipException(KmipException.Cause.CONNECT_FAILED, "the KMIP server at " + endpoint
          + " did not answer within " + timeout.toSeconds() + " s: check the host, the port and the firewall", e);
    } catch (SSLException e) {
      throw tlsFailure(e);
    } catch (IOException e) {
      // connected, then reset or closed before any answer: how servers end a refused client certificate
      throw closedWithoutAnswer(e);
    }
  }

  /**
   * Discover Versions then Query. Under TLS 1.3 the server checks the client certificate after the client's side of
   * the handshake is done, so a refusal shows up here, as an alert, a reset or a close before any answer.
   */
  private KmipProbeResult exchange(SSLSocket socket, Exchange exchange) throws IOException {
    ProtocolVersion negotiated;
    List<ProtocolVersion> serverVersions = new ArrayList<>();
    ResponseMessage discover = exchange.send(
        RequestMessage.discoverVersions(ProtocolVersion.V1_1, ProtocolVersion.SUPPORTED));
    if (discover.succeeded()) {
      for (Ttlv version : discover.payload().all(Tag.PROTOCOL_VERSION)) {
        serverVersions.add(ProtocolVersion.from(version));
      }
      negotiated = serverVersions.isEmpty() ? ProtocolVersion.V1_0 : serverVersions.get(0);
    } else if (discover.resultReason().orElse(-1) == ResultReason.OPERATION_NOT_SUPPORTED.code()) {
      negotiated = ProtocolVersion.V1_0; // a KMIP 1.0 server does not know Discover Versions
    } else {
      throw failure("Discover Versions", discover);
    }
    ResponseMessage query = exchange.send(RequestMessage.query(negotiated, List.of(
        QueryFunction.QUERY_OPERATIONS, QueryFunction.QUERY_OBJECTS, QueryFunction.QUERY_SERVER_INFORMATION)));
    if (!query.succeeded()) {
      throw failure("Query", query);
    }
    Ttlv payload = query.payload();
    return new KmipProbeResult(endpoint, socket.getSession().getProtocol(), socket.getSession().getCipherSuite(),
        negotiated, serverVersions,
        payload.all(Tag.OPERATION).stream().map(item -> Operation.nameOf(item.asInt())).toList(),
        payload.all(Tag.OBJECT_TYPE).stream().map(item -> ObjectType.nameOf(item.asInt())).toList(),
        payload.first(Tag.VENDOR_IDENTIFICATION).map(Ttlv::asText).orElse(""),
        payload.first(Tag.SERVER_INFORMATION).map(KmipProbe::describe).orElse(""));
  }

  private Socket connect(int millis) {
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true); // request and answer, small writes each waiting for the other side: no Nagle stalls
      raw.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
      raw.setSoTimeout(millis);
      return raw;
    } catch (IOException e) {
      try {
        raw.close();
      } catch (IOException ignored) {
        // nothing was opened
      }
      throw new KmipException(KmipException.Cause.CONNECT_FAILED, "cannot reach the KMIP server at " + endpoint
          + ": " + e.getMessage() + "; check the host and the port (KMIP listens on " + TlsEndpoint.KMIP_PORT
          + ")", e);
    }
  }

  private void handshake(SSLSocket socket) throws IOException {
    try {
      socket.startHandshake();
    } catch (SSLHandshakeException e) {
      if (causedBy(e, CertificateException.class)) {
        throw new KmipException(KmipException.Cause.SERVER_NOT_TRUSTED, "the KMIP server at " + endpoint
            + " is not trusted: " + rootMessage(e) + "; check that the trusted CA is the OKMS publicCA and that the"
            + " certificate names " + endpoint.host(), e);
      }
      throw e;
    }
  }

  private KmipException tlsFailure(SSLException e) {
    String alert = alert(e).orElse("");
    if (CERTIFICATE_ALERTS.contains(alert)) {
      if (credentials == null) {
        return new KmipException(KmipException.Cause.CLIENT_CERTIFICATE_MISSING, "the KMIP server at " + endpoint
            + " requires a client certificate and none was given (TLS alert " + alert + "): give the OKMS"
            + " credential certificate and key, as PEM or PKCS#12", e);
      }
      return rejected("TLS alert " + alert, e);
    }
    if (alert.equals("protocol_version") || alert.equals("insufficient_security")) {
      return new KmipException(KmipException.Cause.TLS_REFUSED, "the KMIP server at " + endpoint
          + " refused TLS 1.2 and 1.3 (TLS alert " + alert + "): KMIP requires TLS 1.2 or later", e);
    }
    return new KmipException(KmipException.Cause.TLS_REFUSED, "TLS with the KMIP server at " + endpoint
        + " failed: " + rootMessage(e) + "; check that this port serves KMIP over TLS", e);
  }

  private KmipException closedWithoutAnswer(IOException e) {
    if (credentials == null) {
      return new KmipException(KmipException.Cause.CLIENT_CERTIFICATE_MISSING, "the KMIP server at " + endpoint
          + " closed the connection without answering, as servers do when no client certificate is given: give"
          + " the OKMS credential certificate and key, as PEM or PKCS#12", e);
    }
    return rejected("the connection was closed without an answer: " + e.getMessage(), e);
  }

  private KmipException rejected(String how, Exception e) {
    String subject = credentials.certificate().getSubjectX500Principal().getName();
    String hint = credentials.clientAuthProblem().map(problem -> "; " + problem).orElse("");
    return new KmipException(KmipException.Cause.CLIENT_CERTIFICATE_REJECTED, "the KMIP server at " + endpoint
        + " refused the client certificate " + subject + " (" + how + ")" + hint + ": use a certificate issued by"
        + " this OKMS for client authentication (extended key usage clientAuth), within its validity", e);
  }

  private KmipException failure(String operation, ResponseMessage response) {
    int reason = response.resultReason().orElse(ResultReason.GENERAL_FAILURE.code());
    String said = ResultReason.nameOf(reason) + response.resultMessage().map(m -> " - " + m).orElse("");
    if (reason == ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.code() && credentials != null) {
      return rejected("KMIP " + operation + " answered " + said, null);
    }
    return new KmipException(KmipException.Cause.KMIP_FAILURE, "the KMIP server at " + endpoint + " failed "
        + operation + ": " + ResultStatus.nameOf(response.resultStatus()) + ", " + said);
  }

  private SSLContext sslContext() {
    return KmipClientCredentials.sslContext(credentials, trustedCaPem);
  }

  private static String describe(Ttlv serverInformation) {
    List<String> parts = new ArrayList<>();
    for (Ttlv child : serverInformation.children()) {
      parts.add(child.type() == ItemType.STRUCTURE ? describe(child) : String.valueOf(child.value()));
    }
    return String.join(", ", parts);
  }

  private static Optional<String> alert(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      int at = message.indexOf("fatal alert: ");
      if (at >= 0) {
        return Optional.of(message.substring(at + "fatal alert: ".length()).split("\\s")[0]);
      }
    }
    return Optional.empty();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** One request and its response at a time on one connection. */
  private static final class Exchange {
    private final InputStream in;
    private final OutputStream out;

    Exchange(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    ResponseMessage send(RequestMessage request) throws IOException {
      out.write(TtlvCodec.encode(request.toTtlv()));
      out.flush();
      return ResponseMessage.from(TtlvCodec.readMessage(in, TtlvCodec.DEFAULT_MAX_MESSAGE));
    }
  }

  /** Options of a probe. */
  public static final class Builder {
    private final TlsEndpoint endpoint;
    private String trustedCaPem;
    private KmipClientCredentials credentials;
    private Duration timeout = Duration.ofSeconds(15);
    private Consumer<X509Certificate> presented = certificate -> { };

    private Builder(TlsEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    /** The CA that issued the server certificate, as PEM: an OKMS {@code publicCA}. */
    public Builder trustedCaPem(String pem) {
      this.trustedCaPem = pem;
      return this;
    }

    /** The client certificate and key; without them the server will refuse the connection. */
    public Builder clientCredentials(KmipClientCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * Hears the certificate the server presented once it is trusted, before the server has said whether it trusts
     * this client (under TLS 1.3 it says so only after the handshake).
     */
    public Builder presented(Consumer<X509Certificate> presented) {
      this.presented = Objects.requireNonNull(presented, "presented");
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public KmipProbe build() {
      return new KmipProbe(this);
    }
  }
}
