package io.github.okmsvm.core.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a certificate is a TLS server's, for the host it was reached by: the {@code serverAuth} extended key
 * usage, and the host among its subject alternative names (DNS names, with a leftmost {@code *} for one label, or IP
 * addresses). A certificate that only chains to the right CA (an OKMS client credential, say) is not enough before
 * its thumbprint is pinned anywhere.
 */
public final class ServerIdentity {
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private ServerIdentity() {}

  /** Throws {@link TlsException} unless {@code leaf} is a server certificate valid for {@code host}. */
  public static void verify(X509Certificate leaf, String host, String field) {
    String subject = leaf.getSubjectX500Principal().getName();
    List<String> usages;
    try {
      usages = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new TlsException(field + " " + host + " presented a certificate (" + subject + ") whose extended key usage"
          + " cannot be read: " + e.getMessage(), e);
    }
    if (usages == null || !usages.contains(SERVER_AUTH)) {
      throw new TlsException(field + " " + host + " presented a certificate (" + subject + ") that is not a TLS server"
          + " certificate (no serverAuth extended key usage): it is not a KMIP server's; check " + field);
    }
    List<String> names = names(leaf);
    for (String name : names) {
      if (matches(name, host)) {
        return;
      }
    }
    throw new TlsException(field + " " + host + " presented a certificate (" + subject + ") for "
        + (names.isEmpty() ? "no host name" : String.join(", ", names)) + ", not for " + host + ": check " + field);
  }

  private static List<String> names(X509Certificate leaf) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> alternative : alternatives) {
          int type = (Integer) alternative.get(0);
          if (type == DNS_NAME) {
            names.add("DNS:" + alternative.get(1));
          } else if (type == IP_ADDRESS) {
            names.add("IP:" + alternative.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw new TlsException("the certificate's subject alternative names cannot be read: " + e.getMessage(), e);
    }
    return names;
  }

  private static boolean matches(String name, String host) {
    String wanted = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("IP:")) {
      return sameAddress(name.substring(3), wanted);
    }
    String dns = name.substring(4).toLowerCase(Locale.ROOT);
    if (dns.startsWith("*.")) {
      int dot = wanted.indexOf('.');
      return dot > 0 && wanted.substring(dot).equals(dns.substring(1));
    }
    return dns.equals(wanted);
  }

  private static boolean sameAddress(String certified, String host) {
    if (!host.matches("[0-9.]+|.*:.*")) {
      return false; // a host name never matches an IP entry: no lookup
    }
    try {
      return InetAddress.getByName(certified).equals(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
