package io.github.okmsvm.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A loopback TLS server presenting an openssl-made PKCS#12 chain; it completes handshakes and closes. */
final class TlsTestServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread acceptor;

  private TlsTestServer(ServerSocket socket, boolean tls) {
    this.socket = socket;
    this.acceptor = new Thread(() -> acceptLoop(tls), "tls-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static TlsTestServer start(byte[] pkcs12, char[] password, boolean needClientAuth) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(new ByteArrayInputStream(pkcs12), password);
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(needClientAuth);
    return new TlsTestServer(server, true);
  }

  /** A plain TCP server that answers with text: not TLS. */
  static TlsTestServer plainText() throws IOException {
    return new TlsTestServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), false);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop(boolean tls) {
    while (!socket.isClosed()) {
      try (var client = socket.accept()) {
        if (tls) {
          ((SSLSocket) client).startHandshake();
        } else {
          client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
        }
      } catch (IOException e) {
        // the peer gave up the handshake, as capture clients may; serve the next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
