package io.github.okmsvm.core.wait;

/** A bounded wait ran out; the message says for what and how to go on. */
public class WaitTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WaitTimeoutException(String message) {
    super(message);
  }
}
