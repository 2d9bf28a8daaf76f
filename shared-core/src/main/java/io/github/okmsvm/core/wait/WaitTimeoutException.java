package io.github.okmsvm.core.wait;

import io.github.okmsvm.core.common.UserException;

/** A bounded wait ran out; the message says for what and how to go on. */
public class WaitTimeoutException extends UserException {
  private static final long serialVersionUID = 1L;

  public WaitTimeoutException(String message) {
    super(message);
  }
}
