package io.github.okmsvm.core.http;

import java.net.ProxySelector;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client set-up under the OVHcloud and vCenter clients: pooled connections, TLS with the given trust
 * (the system's by default) and host name checks unless the certificate is pinned, connect and read timeouts, the
 * JVM's proxy settings ({@code https.proxyHost}, {@code http.nonProxyHosts}) unless a front end gives its own proxy
 * ({@link HttpProxy}), no cookies (sessions are handled by the clients), no automatic retries (each client retries
 * reads under its {@link RetryPolicy}), and connections that never log headers or bytes ({@link QuietConnection}):
 * what they carry includes every credential.
 */
public final class HttpTransport {
  private SSLContext sslContext;
  private boolean verifyHostname = true;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private int maxConnections = 20;
  private int connectionsAhead;
  private HttpProxy proxy;

  private HttpTransport() {}

  public static HttpTransport builder() {
    return new HttpTransport();
  }

  /** Trust for the server's certificate; the system's trust store when not given. */
  public HttpTransport sslContext(SSLContext sslContext) {
    this.sslContext = sslContext;
    return this;
  }

  /** False only when the certificate is pinned by thumbprint (or deliberately not verified). */
  public HttpTransport verifyHostname(boolean verifyHostname) {
    this.verifyHostname = verifyHostname;
    return this;
  }

  public HttpTransport timeouts(Duration connect, Duration read) {
    this.connectTimeout = connect;
    this.readTimeout = read;
    return this;
  }

  public HttpTransport maxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
    return this;
  }

  /**
   * How many connections to open beside the first one to a server, while its request is in flight, for a client
   * that sends several requests at once next ({@link ConnectionWarmer}); none by default.
   */
  public HttpTransport connectionsAhead(int connectionsAhead) {
    this.connectionsAhead = connectionsAhead;
    return this;
  }

  /** The proxy the requests take; the JVM's ({@code https.proxyHost}, ...) when not given. */
  public HttpTransport proxy(HttpProxy proxy) {
    this.proxy = proxy;
    return this;
  }

  public CloseableHttpClient build() {
    DefaultClientTlsStrategy tls = sslContext == null ? DefaultClientTlsStrategy.createSystemDefault()
        : verifyHostname ? new DefaultClientTlsStrategy(sslContext)
        : new DefaultClientTlsStrategy(sslContext, HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
    HttpClientBuilder client = HttpClients.custom();
    BasicCredentialsProvider proxyLogin = proxy == null ? null : proxy.credentials();
    if (proxyLogin != null) {
      client.setDefaultCredentialsProvider(proxyLogin);
    }
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setTlsSocketStrategy(tls)
        .setConnectionFactory(QuietConnection.FACTORY)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout)).build())
        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections)
        .build();
    if (connectionsAhead > 0) {
      client.addExecInterceptorAfter(ChainElement.CONNECT.name(), "warm",
          new ConnectionWarmer(pool, Math.min(connectionsAhead, maxConnections - 1), Timeout.of(connectTimeout)));
    }
    return client
        .setConnectionManager(pool)
        .setRoutePlanner(new SystemDefaultRoutePlanner(proxy == null ? ProxySelector.getDefault()
            : proxy.selector()))
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }
}
