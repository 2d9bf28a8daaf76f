package io.github.okmsvm.core.vsphere;

import io.github.okmsvm.core.common.UserException;

/** A vCenter exchange that failed outside a SOAP fault: transport, TLS, or an answer that cannot be read. */
public class VimException extends UserException {
  private static final long serialVersionUID = 1L;

  public VimException(String message) {
    super(message);
  }

  public VimException(String message, Throwable cause) {
    super(message, cause);
  }
}
