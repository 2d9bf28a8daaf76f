package io.github.okmsvm.core.ovh;

/**
 * No answer came from the OVHcloud API (connection refused or reset, timeout). For a write this means the call may or
 * may not have been applied: callers re-read the state rather than retry.
 */
public class OvhTransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OvhTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
