package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.common.UserException;

/** A step that cannot reach its goal; the message says why and what to do. */
public class StepException extends UserException {
  private static final long serialVersionUID = 1L;

  public StepException(String message) {
    super(message);
  }

  public StepException(String message, Throwable cause) {
    super(message, cause);
  }
}
