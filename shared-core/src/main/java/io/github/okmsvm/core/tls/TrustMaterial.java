package io.github.okmsvm.core.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Trust built from CA certificates given as PEM, for a peer whose CA is not in the system trust store. */
public final class TrustMaterial {
  private TrustMaterial() {}

  /** PKIX trust managers that trust exactly the certificates in {@code caPem}. */
  public static TrustManager[] trustManagers(String caPem, String field) {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      int index = 0;
      for (X509Certificate ca : Pem.certificates(caPem, field)) {
        anchors.setCertificateEntry("ca-" + index++, ca);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build trust from " + field + ": " + e.getMessage(), e);
    }
  }

  /** A client TLS context trusting exactly {@code caPem}. */
  public static SSLContext sslContext(String caPem, String field) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(caPem, field), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java runtime offers no TLS", e);
    }
  }
}
