package io.github.okmsvm.core.tls;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Captures the certificate chain of a TLS server without trusting it: what {@code openssl s_client} shows. The chain
 * is for inspection only; whoever uses it must verify it (see {@link ChainVerifier}) before trusting anything.
 */
public final class ChainCapture {
  private ChainCapture() {}

  public static CapturedChain capture(TlsEndpoint endpoint, Duration timeout) {
    Inet4Address address = resolveIpv4(endpoint.host());
    RecordingTrustManager presented = new RecordingTrustManager();
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {presented}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java runtime offers no TLS", e);
    }
    int millis = Math.toIntExact(timeout.toMillis());
    try (Socket raw = new Socket()) {
      raw.setTcpNoDelay(true); // a handshake is small writes each waiting for an answer: Nagle would stall each
      raw.connect(new InetSocketAddress(address, endpoint.port()), millis);
      raw.setSoTimeout(millis);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
          .createSocket(raw, endpoint.host(), endpoint.port(), false)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        if (!isIpLiteral(endpoint.host())) {
          parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
        }
        socket.setSSLParameters(parameters);
        try {
          socket.startHandshake();
        } catch (IOException e) {
          // A server that requires a client certificate ends the handshake, with an alert or by closing the
          // connection, after showing its own certificate: that is all a capture needs.
          if (presented.get() == null) {
            throw e;
          }
        }
        return new CapturedChain(endpoint, address, presented.protocol, Arrays.asList(presented.get()));
      }
    } catch (SocketTimeoutException e) {
      throw new TlsException("no TLS answer from " + endpoint + " within " + timeout.toSeconds()
          + " s: check the host, the port and that a firewall lets this machine reach it", e);
    } catch (SSLException e) {
      throw new TlsException("TLS handshake with " + endpoint + " failed (" + e.getMessage()
          + "): check that this port speaks TLS 1.2 or later", e);
    } catch (IOException e) {
      throw new TlsException("cannot connect to " + endpoint + " (" + address.getHostAddress() + "): "
          + e.getMessage() + "; check the host and the port", e);
    }
  }

  /** The first IPv4 address of {@code host}: the PCC API registers the KMS by IPv4. */
  public static Inet4Address resolveIpv4(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new TlsException("host '" + host + "' does not resolve: check its spelling and this machine's DNS", e);
    }
    for (InetAddress address : addresses) {
      if (address instanceof Inet4Address ipv4) {
        return ipv4;
      }
    }
    throw new TlsException("host '" + host + "' has no IPv4 address; the PCC KMS registration needs one");
  }

  private static boolean isIpLiteral(String host) {
    return host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  /** Trusts everything and remembers what it was shown; used for capture only, never for a real exchange. */
  private static final class RecordingTrustManager extends X509ExtendedTrustManager {
    private volatile X509Certificate[] chain;
    private volatile String protocol = "unknown";

    X509Certificate[] get() {
      return chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
        protocol = ssl.getHandshakeSession().getProtocol();
      }
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      this.chain = chain.clone();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
