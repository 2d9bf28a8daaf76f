package io.github.okmsvm.core.tls;

import java.net.Inet4Address;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate chain a server presented during a TLS handshake, as captured for inspection, with the IPv4 address
 * the connection went to.
 */
public record CapturedChain(TlsEndpoint endpoint, Inet4Address address, String tlsProtocol,
    List<X509Certificate> chain) {

  public CapturedChain {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new TlsException(endpoint + " presented no certificate");
    }
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  public Thumbprint thumbprint() {
    return Thumbprint.of(leaf());
  }

  public String ipv4() {
    return address.getHostAddress();
  }
}
