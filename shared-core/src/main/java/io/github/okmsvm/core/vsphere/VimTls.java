package io.github.okmsvm.core.vsphere;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.tls.Thumbprint;
import io.github.okmsvm.core.tls.TrustMaterial;
import io.github.okmsvm.core.tls.UntrustedCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How vCenter's TLS certificate is trusted: the system trust store (the default), given CA certificates, a pinned
 * SHA-1 or SHA-256 thumbprint, or, only by explicit choice, not at all.
 */
public final class VimTls {
  private final String description;
  private final SSLContext context;
  private final boolean verifyHostname;
  private final boolean unverified;

  private VimTls(String description, SSLContext context, boolean verifyHostname, boolean unverified) {
    this.description = description;
    this.context = context;
    this.verifyHostname = verifyHostname;
    this.unverified = unverified;
  }

  public static VimTls system() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return new VimTls("system trust store", context(UntrustedCertificate.reporting(factory.getTrustManagers(),
          "system trust store")), true, false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java runtime offers no TLS", e);
    }
  }

  /** Trust the CA certificates in {@code pem} (vCenter's VMCA root, for example). */
  public static VimTls trusting(String pem) {
    return new VimTls("given CA certificates", context(UntrustedCertificate.reporting(TrustMaterial.trustManagers(pem,
        SettingNames.VCENTER_CA_FILE), "CA certificates of vcenterCaFile")), true, false);
  }

  /** Trust exactly the certificate whose SHA-1 or SHA-256 thumbprint is {@code thumbprint}. */
  public static VimTls pinned(String thumbprint) {
    checkThumbprint(thumbprint);
    return new VimTls("pinned thumbprint", context(new PinnedTrustManager(thumbprint)), false, false);
  }

  /** Refuses what is neither a SHA-1 nor a SHA-256 thumbprint (separators and case do not matter). */
  static void checkThumbprint(String thumbprint) {
    if (!Thumbprint.normalize(thumbprint).matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
      throw new ConfigurationException(SettingNames.VCENTER_THUMBPRINT, "'" + thumbprint + "' is neither a SHA-1"
          + " nor a SHA-256 thumbprint: write it as AA:BB:… (40 or 64 hex digits)");
    }
  }

  /** No verification at all; the caller must warn the user. */
  public static VimTls insecure() {
    return new VimTls("INSECURE: certificate not verified", context(new PinnedTrustManager(null)), false, true);
  }

  public SSLContext sslContext() {
    return context;
  }

  public boolean verifyHostname() {
    return verifyHostname;
  }

  /** Chosen explicitly for a lab: any certificate, and plain HTTP too. */
  public boolean unverified() {
    return unverified;
  }

  @Override
  public String toString() {
    return description;
  }

  private static SSLContext context(TrustManager... trustManagers) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java runtime offers no TLS", e);
    }
  }

  /** Accepts the server whose leaf certificate has the pinned thumbprint; any server when there is no pin. */
  private static final class PinnedTrustManager implements X509TrustManager {
    private final String pin;

    PinnedTrustManager(String pin) {
      this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      if (pin != null && !Thumbprint.of(chain[0]).matches(pin)) {
        throw new CertificateException("vCenter's certificate has thumbprint " + Thumbprint.of(chain[0]).sha1()
            + ", not the pinned " + pin);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
