package io.github.okmsvm.core.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * A pooled client connection that never logs what it carries. HttpClient's own connection writes every request and
 * response header (an OVHcloud consumer key, a bearer token, vCenter's session cookie) to its debug log, and every
 * byte (the vCenter password in the SOAP Login) to its wire log, wherever a host turns DEBUG on ({@code mvn -X}, a
 * Jenkins log recorder). This one behaves the same on the wire and logs nothing.
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
  /** Makes quiet connections, bound to their socket when one is given, as the pool expects. */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
    QuietConnection connection = new QuietConnection();
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  };

  /** The read timeout to restore when the pool leases the connection again. */
  private volatile Timeout socketTimeout;

  private QuietConnection() {
    super(Http1Config.DEFAULT);
  }

  @Override
  public void bind(Socket socket) throws IOException {
    super.bind(socket);
    socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
  }

  @Override
  public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
    super.bind(sslSocket, socket);
    socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    super.setSocketTimeout(timeout);
    socketTimeout = timeout;
  }

  @Override
  public Socket getSocket() {
    SocketHolder holder = getSocketHolder();
    return holder == null ? null : holder.getSocket();
  }

  /** Idle in the pool: no read timeout, as HttpClient's own connection does. */
  @Override
  public void passivate() {
    super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
  }

  @Override
  public void activate() {
    super.setSocketTimeout(socketTimeout);
  }
}
