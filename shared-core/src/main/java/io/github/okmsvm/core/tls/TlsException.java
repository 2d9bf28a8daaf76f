package io.github.okmsvm.core.tls;

import io.github.okmsvm.core.common.UserException;

/**
 * A TLS or PKI input that cannot be used. The message names what was wrong and how to fix it; it never carries key
 * material.
 */
public class TlsException extends UserException {
  private static final long serialVersionUID = 1L;

  public TlsException(String message) {
    super(message);
  }

  public TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
