package io.github.okmsvm.core.http;

import io.github.okmsvm.core.common.Secret;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;

/**
 * An HTTP proxy a front end configures (Jenkins' own), rather than the JVM's: the hosts it does not serve go direct,
 * and a login, when given, answers the proxy's challenges only (its scope is the proxy's address).
 */
public final class HttpProxy {
  private final String host;
  private final int port;
  private final Predicate<String> direct;
  private final String user;
  private final Secret password;

  private HttpProxy(String host, int port, Predicate<String> direct, String user, Secret password) {
    this.host = host;
    this.port = port;
    this.direct = direct;
    this.user = user;
    this.password = password;
  }

  /** {@code direct} says, of a host name in lower case, whether to reach it without the proxy. */
  public static HttpProxy of(String host, int port, Predicate<String> direct) {
    return new HttpProxy(host, port, direct, null, null);
  }

  /** The same proxy, logging in with Basic authentication when it asks (HTTP 407). */
  public HttpProxy withLogin(String user, Secret password) {
    return new HttpProxy(host, port, direct, user, password);
  }

  ProxySelector selector() {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        String target = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return direct.test(target) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
  }

  /** The login for the proxy's address only, or null without one. */
  BasicCredentialsProvider credentials() {
    if (user == null || user.isBlank()) {
      return null;
    }
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    credentials.setCredentials(new AuthScope(host, port), new UsernamePasswordCredentials(user,
        password == null ? new char[0] : password.reveal().toCharArray()));
    return credentials;
  }

  @Override
  public String toString() {
    return host + ":" + port + (user == null ? "" : " as " + user);
  }
}
