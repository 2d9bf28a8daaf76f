package io.github.okmsvm.core.tls;

import java.util.regex.Pattern;

/** A {@code host:port} that speaks TLS, such as an OKMS KMIP endpoint ({@code eu-west-rbx.okms.ovh.net:5696}). */
public record TlsEndpoint(String host, int port) {
  public static final int KMIP_PORT = 5696;

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

  public TlsEndpoint {
    if (host == null || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("host '" + host + "' is not a host name or IPv4 address");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1-65535");
    }
  }

  /**
   * Parses {@code host} or {@code host:port}; {@code field} names the input in the error message.
   */
  public static TlsEndpoint parse(String value, int defaultPort, String field) {
    if (value == null || value.isBlank()) {
      throw new TlsException(field + " is empty: give a host name such as eu-west-rbx.okms.ovh.net");
    }
    String trimmed = value.strip();
    String host = trimmed;
    int port = defaultPort;
    int colon = trimmed.lastIndexOf(':');
    if (colon >= 0) {
      host = trimmed.substring(0, colon);
      try {
        port = Integer.parseInt(trimmed.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new TlsException(field + " '" + value + "' has a port that is not a number: write host:port, "
            + "for example eu-west-rbx.okms.ovh.net:" + KMIP_PORT);
      }
    }
    try {
      return new TlsEndpoint(host, port);
    } catch (IllegalArgumentException e) {
      throw new TlsException(field + " '" + value + "': " + e.getMessage()
          + "; write host:port, for example eu-west-rbx.okms.ovh.net:" + KMIP_PORT);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
