package io.github.okmsvm.sandbox.kmip;

import io.github.okmsvm.core.kmip.KmipException;
import io.github.okmsvm.core.kmip.Operation;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.kmip.QueryFunction;
import io.github.okmsvm.core.kmip.ObjectType;
import io.github.okmsvm.core.kmip.ResultReason;
import io.github.okmsvm.core.kmip.ResultStatus;
import io.github.okmsvm.core.kmip.Tag;
import io.github.okmsvm.core.kmip.Ttlv;
import io.github.okmsvm.core.kmip.TtlvCodec;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.tls.TrustMaterial;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The KMIP endpoint of a sandbox OKMS, a KMIP 1.0 to 1.4 server for what OKMS supports and vCenter uses: TLS on a
 * loopback port with a server certificate issued by the OKMS CA, which takes only client certificates issued by that CA
 * with the clientAuth extended key usage (the JDK's PKIX trust manager refuses any other in the handshake, with alert
 * certificate_unknown). Each request may carry several batch items, each answered with its Unique Batch Item ID, at
 * the request's protocol version. Before any operation the client certificate must be a live credential of the OKMS
 * and IAM must allow the operation's action; objects live in the OKMS's {@link KmipObjects}.
 */
public final class KmipEndpoint implements AutoCloseable {
  private static final List<ProtocolVersion> VERSIONS = ProtocolVersion.SUPPORTED;
  private static final String VENDOR = "okms-sandbox KMIP endpoint";
  /** The operations served, with the IAM action OKMS checks for each; protocol negotiation needs only a credential. */
  private static final Map<Operation, String> ACTIONS = Map.ofEntries(
      Map.entry(Operation.CREATE, "okms:kmip:create"), Map.entry(Operation.REGISTER, "okms:kmip:register"),
      Map.entry(Operation.RE_KEY, "okms:kmip:rekey"), Map.entry(Operation.LOCATE, "okms:kmip:locate"),
      Map.entry(Operation.GET, "okms:kmip:get"), Map.entry(Operation.GET_ATTRIBUTES, "okms:kmip:getAttributes"),
      Map.entry(Operation.ADD_ATTRIBUTE, "okms:kmip:addAttribute"),
      Map.entry(Operation.ACTIVATE, "okms:kmip:activate"), Map.entry(Operation.REVOKE, "okms:kmip:revoke"),
      Map.entry(Operation.DESTROY, "okms:kmip:destroy"));
  private static final List<Operation> SERVED = List.of(Operation.DISCOVER_VERSIONS, Operation.QUERY,
      Operation.CREATE, Operation.REGISTER, Operation.RE_KEY, Operation.LOCATE, Operation.GET,
      Operation.GET_ATTRIBUTES, Operation.ADD_ATTRIBUTE, Operation.ACTIVATE, Operation.REVOKE, Operation.DESTROY);
  private static final int BATCH_CONTINUE = 0x01;

  private final SSLServerSocket serverSocket;
  private final X509Certificate certificate;
  private final KmipAccess access;
  private final KmipObjects objects;
  private final ExecutorService connections;
  private final AtomicLong requests = new AtomicLong();

  private KmipEndpoint(SSLServerSocket serverSocket, X509Certificate certificate, KmipAccess access,
      KmipObjects objects) {
    this.serverSocket = serverSocket;
    this.certificate = certificate;
    this.access = access;
    this.objects = objects;
    this.connections = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "sandbox-kmip-" + serverSocket.getLocalPort());
      thread.setDaemon(true);
      return thread;
    });
    connections.execute(this::acceptLoop);
  }

  /** Starts an endpoint whose certificates come from {@code ca} and which lets any client of that CA do anything. */
  public static KmipEndpoint start(CertificateAuthority ca) {
    return start(ca, KmipAccess.OPEN, new KmipObjects());
  }

  /** Starts an endpoint on an ephemeral loopback port for the OKMS of {@code ca}, {@code access} and {@code objects}. */
  public static KmipEndpoint start(CertificateAuthority ca, KmipAccess access, KmipObjects objects) {
    return start(ca, ca, access, objects);
  }

  /**
   * Starts an endpoint whose server certificate {@code serverCa} issues while its clients' certificates chain to
   * {@code clientCa} (an OKMS's second, RSA listener presents another CA's certificate to the same credentials).
   */
  public static KmipEndpoint start(CertificateAuthority serverCa, CertificateAuthority clientCa, KmipAccess access,
      KmipObjects objects) {
    return start(serverCa, clientCa, access, objects, InetAddress.getLoopbackAddress());
  }

  /**
   * As above, listening on {@code address}, one of the loopback addresses: OKMS of different regions have different
   * IP addresses, which a PCC's KMS flow tells apart.
   */
  public static KmipEndpoint start(CertificateAuthority serverCa, CertificateAuthority clientCa, KmipAccess access,
      KmipObjects objects, InetAddress address) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(address + " is not a loopback address");
    }
    String ip = address.getHostAddress();
    KeyAndChain server = serverCa.issue(CertificateAuthority.KeyType.RSA_2048,
        CertificateAuthority.template("CN=" + ip).ipAddress(ip).dnsName("localhost").serverAuth());
    try {
      char[] password = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", server.privateKey(), password, server.chain().toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), TrustMaterial.trustManagers(clientCa.certificatePem(), "OKMS CA"),
          null);
      SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
          .createServerSocket(0, 50, address);
      socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      socket.setNeedClientAuth(true);
      return new KmipEndpoint(socket, server.certificate(), access, objects);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot start the sandbox KMIP endpoint", e);
    }
  }

  /** The loopback address this endpoint listens on. */
  public InetAddress serverAddress() {
    return serverSocket.getInetAddress();
  }

  public TlsEndpoint endpoint() {
    return new TlsEndpoint(serverSocket.getInetAddress().getHostAddress(), serverSocket.getLocalPort());
  }

  /** The server certificate this endpoint presents, issued by the OKMS CA. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The objects this endpoint serves. */
  public KmipObjects objects() {
    return objects;
  }

  /** KMIP requests answered so far, successful or not. */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
    } catch (IOException e) {
      // closing a listening socket has nothing left to report
    }
    connections.shutdownNow();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        SSLSocket socket = (SSLSocket) serverSocket.accept();
        socket.setTcpNoDelay(true); // as a KMS answers at once, not after the client's delayed ACK
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        if (serverSocket.isClosed()) {
          return;
        }
      }
    }
  }

  private void serve(SSLSocket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      socket.startHandshake();
      X509Certificate client = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        Ttlv message;
        try {
          message = TtlvCodec.readMessage(in, TtlvCodec.DEFAULT_MAX_MESSAGE);
        } catch (EOFException e) {
          return;
        }
        requests.incrementAndGet();
        out.write(TtlvCodec.encode(answer(message, client)));
        out.flush();
      }
    } catch (SSLPeerUnverifiedException | SocketException e) {
      // the handshake already told the client why
    } catch (IOException | KmipException e) {
      // a broken client connection ends here; the endpoint goes on serving others
    }
  }

  private Ttlv answer(Ttlv message, X509Certificate client) {
    if (message.tag() != Tag.REQUEST_MESSAGE) {
      return response(ProtocolVersion.V1_0, List.of(failed(null, null, ResultReason.INVALID_MESSAGE,
          "expected a Request Message")));
    }
    Ttlv header;
    ProtocolVersion version;
    try {
      header = message.required(Tag.REQUEST_HEADER);
      version = ProtocolVersion.from(header.required(Tag.PROTOCOL_VERSION));
    } catch (KmipException | IllegalStateException e) {
      return response(ProtocolVersion.V1_0, List.of(failed(null, null, ResultReason.INVALID_MESSAGE,
          "the request header has no protocol version")));
    }
    if (!VERSIONS.contains(version)) {
      // a request at a version this server does not speak is answered at the highest one it speaks (1.4 §6.1)
      return response(VERSIONS.get(0), List.of(failed(null, null, ResultReason.INVALID_MESSAGE,
          "protocol version " + version + " is not supported: use 1.0 to 1.4")));
    }
    List<Ttlv> items = message.all(Tag.BATCH_ITEM);
    int declared = header.first(Tag.BATCH_COUNT).map(Ttlv::asInt).orElse(-1);
    if (declared != items.size() || items.isEmpty()) {
      return response(version, List.of(failed(null, null, ResultReason.INVALID_MESSAGE, "the header's Batch Count"
          + " is " + declared + " but the message has " + items.size() + " batch items")));
    }
    Optional<String> unauthenticated = access.unauthenticated(client);
    boolean continueOnError = header.first(Tag.BATCH_ERROR_CONTINUATION_OPTION).map(Ttlv::asInt)
        .orElse(0) == BATCH_CONTINUE;
    String[] placeholder = new String[1];
    List<Ttlv> answers = new ArrayList<>();
    for (Ttlv item : items) {
      Ttlv answer = answerItem(item, version, client, unauthenticated, placeholder);
      answers.add(answer);
      if (!continueOnError && answer.required(Tag.RESULT_STATUS).asInt() != ResultStatus.SUCCESS.code()) {
        break; // Stop, the default Batch Error Continuation Option: the items after a failure are not processed
      }
    }
    return response(version, answers);
  }

  private Ttlv answerItem(Ttlv item, ProtocolVersion version, X509Certificate client,
      Optional<String> unauthenticated, String[] placeholder) {
    Ttlv id = item.first(Tag.UNIQUE_BATCH_ITEM_ID).orElse(null);
    Integer code = item.first(Tag.OPERATION).map(Ttlv::asInt).orElse(null);
    if (code == null) {
      return failed(null, id, ResultReason.INVALID_MESSAGE, "the batch item has no Operation");
    }
    Operation operation = served(code);
    if (operation == null) {
      return failed(code, id, ResultReason.OPERATION_NOT_SUPPORTED, Operation.nameOf(code)
          + " is not supported by OKMS");
    }
    if (unauthenticated.isPresent()) {
      return failed(code, id, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL, unauthenticated.get());
    }
    if (operation != Operation.DISCOVER_VERSIONS && operation != Operation.QUERY) {
      Optional<String> denied = access.denied(client, ACTIONS.get(operation));
      if (denied.isPresent()) {
        return failed(code, id, ResultReason.PERMISSION_DENIED, denied.get());
      }
    }
    Ttlv payload = item.first(Tag.REQUEST_PAYLOAD).orElse(Ttlv.structure(Tag.REQUEST_PAYLOAD));
    try {
      Ttlv answer = switch (operation) {
        case DISCOVER_VERSIONS -> discoverVersions(payload);
        case QUERY -> query(payload);
        default -> objects.perform(operation, payload, placeholder);
      };
      return itemAnswer(code, id, ResultStatus.SUCCESS, null, null, answer);
    } catch (KmipFailure e) {
      return failed(code, id, e.reason(), e.getMessage());
    } catch (KmipException | IllegalStateException | IllegalArgumentException | ClassCastException e) {
      return failed(code, id, ResultReason.INVALID_FIELD, "the request payload is malformed: " + e.getMessage());
    }
  }

  private static Operation served(int code) {
    for (Operation operation : SERVED) {
      if (operation.code() == code) {
        return operation;
      }
    }
    return null;
  }

  /** The versions both sides speak, in the server's order of preference; all of them if the client offered none. */
  private static Ttlv discoverVersions(Ttlv payload) {
    List<ProtocolVersion> offered = new ArrayList<>();
    for (Ttlv item : payload.all(Tag.PROTOCOL_VERSION)) {
      offered.add(ProtocolVersion.from(item));
    }
    List<Ttlv> answer = new ArrayList<>();
    for (ProtocolVersion version : VERSIONS) {
      if (offered.isEmpty() || offered.contains(version)) {
        answer.add(version.toTtlv());
      }
    }
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, answer);
  }

  private static Ttlv query(Ttlv payload) {
    List<Ttlv> answer = new ArrayList<>();
    for (Ttlv function : payload.all(Tag.QUERY_FUNCTION)) {
      if (function.asInt() == QueryFunction.QUERY_OPERATIONS.code()) {
        SERVED.forEach(operation -> answer.add(Ttlv.enumeration(Tag.OPERATION, operation.code())));
      }
      if (function.asInt() == QueryFunction.QUERY_OBJECTS.code()) {
        answer.add(Ttlv.enumeration(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.code()));
        answer.add(Ttlv.enumeration(Tag.OBJECT_TYPE, ObjectType.SECRET_DATA.code()));
      }
      if (function.asInt() == QueryFunction.QUERY_SERVER_INFORMATION.code()) {
        answer.add(Ttlv.text(Tag.VENDOR_IDENTIFICATION, VENDOR));
      }
    }
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, answer);
  }

  private static Ttlv failed(Integer operation, Ttlv id, ResultReason reason, String message) {
    return itemAnswer(operation, id, ResultStatus.OPERATION_FAILED, reason, message, null);
  }

  private static Ttlv itemAnswer(Integer operation, Ttlv id, ResultStatus status, ResultReason reason,
      String message, Ttlv payload) {
    List<Ttlv> parts = new ArrayList<>();
    if (operation != null) {
      parts.add(Ttlv.enumeration(Tag.OPERATION, operation));
    }
    if (id != null) {
      parts.add(id);
    }
    parts.add(Ttlv.enumeration(Tag.RESULT_STATUS, status.code()));
    if (reason != null) {
      parts.add(Ttlv.enumeration(Tag.RESULT_REASON, reason.code()));
      parts.add(Ttlv.text(Tag.RESULT_MESSAGE, message));
    }
    if (payload != null) {
      parts.add(payload);
    }
    return Ttlv.structure(Tag.BATCH_ITEM, parts);
  }

  private static Ttlv response(ProtocolVersion version, List<Ttlv> items) {
    List<Ttlv> parts = new ArrayList<>();
    parts.add(Ttlv.structure(Tag.RESPONSE_HEADER, version.toTtlv(), Ttlv.dateTime(Tag.TIME_STAMP, Instant.now()),
        Ttlv.integer(Tag.BATCH_COUNT, items.size())));
    parts.addAll(items);
    return Ttlv.structure(Tag.RESPONSE_MESSAGE, parts);
  }
}
