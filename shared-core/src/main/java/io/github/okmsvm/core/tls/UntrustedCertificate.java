package io.github.okmsvm.core.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A server certificate that the configured trust refused, with what a user needs to fix it: who it is for, who
 * issued it, and its thumbprints (to pin it, or to compare with what vCenter's own page shows).
 */
public final class UntrustedCertificate extends CertificateException {
  private final transient X509Certificate certificate;
  private final String trust;

  private UntrustedCertificate(X509Certificate certificate, String trust, CertificateException cause) {
    super("its certificate (" + certificate.getSubjectX500Principal().getName() + ", issued by "
        + certificate.getIssuerX500Principal().getName() + ", SHA-256 thumbprint "
        + Thumbprint.of(certificate).sha256() + ") is not trusted by the " + trust, cause);
    this.certificate = certificate;
    this.trust = trust;
  }

  public Thumbprint thumbprint() {
    return Thumbprint.of(certificate);
  }

  /** What refused it: {@code system trust store}, {@code given CA certificates}. */
  public String trust() {
    return trust;
  }

  /** The refusal among {@code e}'s causes, if a certificate was refused. */
  public static Optional<UntrustedCertificate> in(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UntrustedCertificate untrusted) {
        return Optional.of(untrusted);
      }
    }
    return Optional.empty();
  }

  /** {@code managers} with each server certificate they refuse reported as an {@link UntrustedCertificate}. */
  public static TrustManager[] reporting(TrustManager[] managers, String trust) {
    TrustManager[] reporting = new TrustManager[managers.length];
    for (int i = 0; i < managers.length; i++) {
      reporting[i] = managers[i] instanceof X509ExtendedTrustManager x509 ? new Reporting(x509, trust) : managers[i];
    }
    return reporting;
  }

  private static final class Reporting extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String trust;

    Reporting(X509ExtendedTrustManager delegate, String trust) {
      this.delegate = delegate;
      this.trust = trust;
    }

    private interface Check {
      void run() throws CertificateException;
    }

    private void reporting(X509Certificate[] chain, Check check) throws CertificateException {
      try {
        check.run();
      } catch (CertificateException e) {
        throw chain == null || chain.length == 0 ? e : new UntrustedCertificate(chain[0], trust, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      reporting(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      reporting(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      reporting(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
