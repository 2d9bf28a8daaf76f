package io.github.okmsvm.core.kmip;

import io.github.okmsvm.core.common.UserException;

/** A KMIP exchange that did not succeed, with the {@link Cause} a caller can act on and a message naming the fix. */
public class KmipException extends UserException {
  private static final long serialVersionUID = 1L;

  /** Why the exchange failed. */
  public enum Cause {
    /** The TCP connection could not be opened or timed out. */
    CONNECT_FAILED,
    /** The server refused the TLS handshake for a reason other than the certificates. */
    TLS_REFUSED,
    /** The server's certificate does not chain to the trusted CA or does not name the host. */
    SERVER_NOT_TRUSTED,
    /** The server requires a client certificate and none was configured. */
    CLIENT_CERTIFICATE_MISSING,
    /** The server refused the client certificate, in the handshake or by a KMIP authentication failure. */
    CLIENT_CERTIFICATE_REJECTED,
    /** The server answered with a KMIP failure result. */
    KMIP_FAILURE,
    /** The bytes exchanged are not valid KMIP. */
    PROTOCOL_ERROR
  }

  private final Cause cause;

  public KmipException(Cause cause, String message) {
    super(message);
    this.cause = cause;
  }

  public KmipException(Cause cause, String message, Throwable underlying) {
    super(message, underlying);
    this.cause = cause;
  }

  public Cause reason() {
    return cause;
  }
}
