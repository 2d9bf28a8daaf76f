package io.github.okmsvm.sandbox.kmip;

import io.github.okmsvm.core.kmip.KmipException;
import io.github.okmsvm.core.kmip.Operation;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.kmip.QueryFunction;
import io.github.okmsvm.core.kmip.RequestMessage;
import io.github.okmsvm.core.kmip.ResponseMessage;
import io.github.okmsvm.core.kmip.ResultReason;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The KMIP endpoint of a sandbox OKMS: TLS on a loopback port with a server certificate issued by the OKMS CA, which
 * accepts only client certificates issued by that CA with the clientAuth extended key usage (the JDK's PKIX trust
 * manager refuses any other in the handshake, with alert certificate_unknown) and answers Discover Versions and Query.
 */
public final class KmipEndpoint implements AutoCloseable {
  private static final List<ProtocolVersion> VERSIONS = ProtocolVersion.SUPPORTED;
  private static final String VENDOR = "okms-sandbox KMIP endpoint";

  private final SSLServerSocket serverSocket;
  private final X509Certificate certificate;
  private final ExecutorService connections;
  private final AtomicLong requests = new AtomicLong();

  private KmipEndpoint(SSLServerSocket serverSocket, X509Certificate certificate) {
    this.serverSocket = serverSocket;
    this.certificate = certificate;
    this.connections = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "sandbox-kmip-" + serverSocket.getLocalPort());
      thread.setDaemon(true);
      return thread;
    });
    connections.execute(this::acceptLoop);
  }

  /** Starts an endpoint on an ephemeral loopback port whose certificates come from {@code ca}. */
  public static KmipEndpoint start(CertificateAuthority ca) {
    KeyAndChain server = ca.issue(CertificateAuthority.KeyType.RSA_2048,
        CertificateAuthority.template("CN=127.0.0.1").ipAddress("127.0.0.1").dnsName("localhost").serverAuth());
    try {
      char[] password = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", server.privateKey(), password, server.chain().toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), TrustMaterial.trustManagers(ca.certificatePem(), "OKMS CA"), null);
      SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
          .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      socket.setNeedClientAuth(true);
      return new KmipEndpoint(socket, server.certificate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot start the sandbox KMIP endpoint", e);
    }
  }

  public TlsEndpoint endpoint() {
    return new TlsEndpoint("127.0.0.1", serverSocket.getLocalPort());
  }

  /** The server certificate this endpoint presents, issued by the OKMS CA. */
  public X509Certificate certificate() {
    return certificate;
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
        out.write(TtlvCodec.encode(answer(message).toTtlv()));
        out.flush();
      }
    } catch (SocketException e) {
      // the handshake already told the client why
    } catch (IOException | KmipException e) {
      // a broken client connection ends here; the endpoint goes on serving others
    }
  }

  private static ResponseMessage answer(Ttlv message) {
    RequestMessage request = RequestMessage.from(message);
    ProtocolVersion version = request.version();
    if (request.operation() == Operation.DISCOVER_VERSIONS.code()) {
      return ResponseMessage.success(version, request.operation(), discoverVersions(request.payload()));
    }
    if (request.operation() == Operation.QUERY.code()) {
      return ResponseMessage.success(version, request.operation(), query(request.payload()));
    }
    return ResponseMessage.failure(version, request.operation(), ResultReason.OPERATION_NOT_SUPPORTED,
        Operation.nameOf(request.operation()) + " is not supported by the sandbox.");
  }

  /** The versions both sides speak, in the server's order of preference; all of them if the client offered none. */
  private static Ttlv discoverVersions(Ttlv payload) {
    List<ProtocolVersion> offered = new ArrayList<>();
    for (Ttlv item : payload.all(Tag.PROTOCOL_VERSION)) {
      offered.add(new ProtocolVersion(item.required(Tag.PROTOCOL_VERSION_MAJOR).asInt(),
          item.required(Tag.PROTOCOL_VERSION_MINOR).asInt()));
    }
    List<Ttlv> answer = new ArrayList<>();
    for (ProtocolVersion version : VERSIONS) {
      if (offered.isEmpty() || offered.contains(version)) {
        answer.add(Ttlv.structure(Tag.PROTOCOL_VERSION,
            Ttlv.integer(Tag.PROTOCOL_VERSION_MAJOR, version.major()),
            Ttlv.integer(Tag.PROTOCOL_VERSION_MINOR, version.minor())));
      }
    }
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, answer);
  }

  private static Ttlv query(Ttlv payload) {
    List<Ttlv> answer = new ArrayList<>();
    for (Ttlv function : payload.all(Tag.QUERY_FUNCTION)) {
      if (function.asInt() == QueryFunction.QUERY_OPERATIONS.code()) {
        answer.add(Ttlv.enumeration(Tag.OPERATION, Operation.DISCOVER_VERSIONS.code()));
        answer.add(Ttlv.enumeration(Tag.OPERATION, Operation.QUERY.code()));
      }
      if (function.asInt() == QueryFunction.QUERY_SERVER_INFORMATION.code()) {
        answer.add(Ttlv.text(Tag.VENDOR_IDENTIFICATION, VENDOR));
      }
    }
    return Ttlv.structure(Tag.RESPONSE_PAYLOAD, answer);
  }
}
