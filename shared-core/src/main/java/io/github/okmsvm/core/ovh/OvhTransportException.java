package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.UserException;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * No answer came from the OVHcloud API (connection refused or reset, timeout, a certificate not trusted). For a write
 * this means the call may or may not have been applied: callers re-read the state rather than retry.
 */
public class OvhTransportException extends UserException {
  private static final long serialVersionUID = 1L;

  public OvhTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code what} did not answer because of {@code failure}; {@code fix} says what to check. A certificate the JVM does
   * not trust is said as such, with its own fix, rather than blamed on the network.
   */
  static OvhTransportException noAnswer(String what, IOException failure, String fix) {
    if (untrusted(failure)) {
      return new OvhTransportException(what + " presented a TLS certificate that is not trusted ("
          + failure.getMessage() + "): set ovhCaFile to a PEM file with the CA that issued it, or add that CA to the Java trust store",
          failure);
    }
    if (failure instanceof SSLException) {
      return new OvhTransportException(what + " refused the TLS handshake (" + failure.getMessage() + "): " + fix,
          failure);
    }
    return new OvhTransportException(what + " got no answer (" + failure.getMessage() + "): " + fix, failure);
  }

  private static boolean untrusted(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException || cause instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }
}
