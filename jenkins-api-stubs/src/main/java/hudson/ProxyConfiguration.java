package hudson;

import hudson.model.AbstractDescribableImpl;
import hudson.util.Secret;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Jenkins core's HTTP proxy settings (Manage Jenkins > System > HTTP Proxy), a final class. */
public final class ProxyConfiguration extends AbstractDescribableImpl<ProxyConfiguration> implements Serializable {
  private static final long serialVersionUID = 1L;
  public final String name;
  public final int port;
  private String userName;
  public String noProxyHost;
  private Secret secretPassword;

  public ProxyConfiguration(String name, int port) {
    this(name, port, null, null);
  }

  public ProxyConfiguration(String name, int port, String userName, String password) {
    this(name, port, userName, password, null);
  }

  public ProxyConfiguration(String name, int port, String userName, String password, String noProxyHost) {
    this.name = name;
    this.port = port;
    this.userName = userName == null || userName.isBlank() ? null : userName.strip();
    this.secretPassword = password == null || password.isBlank() ? null : Secret.fromString(password.strip());
    this.noProxyHost = noProxyHost == null || noProxyHost.isBlank() ? null : noProxyHost.strip();
  }

  public String getName() {
    return name;
  }

  public int getPort() {
    return port;
  }

  public String getUserName() {
    return userName;
  }

  public Secret getSecretPassword() {
    return secretPassword;
  }

  public String getNoProxyHost() {
    return noProxyHost;
  }

  public List<Pattern> getNoProxyHostPatterns() {
    return getNoProxyHostPatterns(noProxyHost);
  }

  /** As in Jenkins: entries split on blanks, commas and bars; {@code *} any text, {@code .} itself. */
  public static List<Pattern> getNoProxyHostPatterns(String noProxyHost) {
    List<Pattern> patterns = new ArrayList<>();
    if (noProxyHost == null) {
      return patterns;
    }
    for (String entry : noProxyHost.split("[ \t\n,|]+")) {
      if (!entry.isEmpty()) {
        patterns.add(Pattern.compile(entry.replace(".", "\\.").replace("*", ".*")));
      }
    }
    return patterns;
  }
}
