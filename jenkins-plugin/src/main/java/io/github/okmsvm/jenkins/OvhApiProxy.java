package io.github.okmsvm.jenkins;

import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.github.okmsvm.core.http.HttpProxy;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;

/**
 * Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy), read on the controller and sent to the node, for the
 * OVHcloud API: the hosts its "No Proxy Host" patterns match go direct, as Jenkins' own HTTP clients do, and its
 * user name and password answer the proxy's login challenge.
 */
final class OvhApiProxy implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String host;
  private final int port;
  private final String noProxyHost;
  private final String userName;
  private final Secret password;

  private OvhApiProxy(ProxyConfiguration proxy) {
    this.host = proxy.getName().strip();
    this.port = proxy.getPort();
    this.noProxyHost = proxy.getNoProxyHost();
    this.userName = proxy.getUserName();
    this.password = proxy.getSecretPassword();
  }

  /** The controller's proxy, or null when Jenkins has none (the JVM's proxy properties then apply). */
  static OvhApiProxy ofJenkins() {
    Jenkins jenkins = Jenkins.getInstanceOrNull();
    ProxyConfiguration proxy = jenkins == null ? null : jenkins.proxy;
    return proxy == null || proxy.getName() == null || proxy.getName().isBlank() ? null : new OvhApiProxy(proxy);
  }

  HttpProxy toHttpProxy() {
    List<Pattern> direct = ProxyConfiguration.getNoProxyHostPatterns(noProxyHost);
    HttpProxy proxy = HttpProxy.of(host, port, target -> direct.stream().anyMatch(p -> p.matcher(target).matches()));
    return userName == null || userName.isBlank() ? proxy
        : proxy.withLogin(userName, io.github.okmsvm.core.common.Secret.of(Secret.toString(password)));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
