package io.github.okmsvm.jenkins;

import hudson.ProxyConfiguration;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;

/**
 * Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy), read on the controller and sent to the node, for the
 * OVHcloud API: the hosts its "No Proxy Host" patterns match go direct, as Jenkins' own HTTP clients do.
 */
final class OvhApiProxy implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String host;
  private final int port;
  private final String noProxyHost;

  private OvhApiProxy(String host, int port, String noProxyHost) {
    this.host = host;
    this.port = port;
    this.noProxyHost = noProxyHost;
  }

  /** The controller's proxy, or null when Jenkins has none (the JVM's proxy properties then apply). */
  static OvhApiProxy ofJenkins() {
    Jenkins jenkins = Jenkins.getInstanceOrNull();
    ProxyConfiguration proxy = jenkins == null ? null : jenkins.proxy;
    if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()) {
      return null;
    }
    return new OvhApiProxy(proxy.getName().strip(), proxy.getPort(), proxy.getNoProxyHost());
  }

  ProxySelector selector() {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    List<Pattern> direct = ProxyConfiguration.getNoProxyHostPatterns(noProxyHost);
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        String target = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return direct.stream().anyMatch(pattern -> pattern.matcher(target).matches()) ? List.of(Proxy.NO_PROXY)
            : List.of(proxy);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
