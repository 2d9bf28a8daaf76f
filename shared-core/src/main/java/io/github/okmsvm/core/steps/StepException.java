package io.github.okmsvm.core.steps;

/** A step that cannot reach its goal; the message says why and what to do. */
public class StepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StepException(String message) {
    super(message);
  }

  public StepException(String message, Throwable cause) {
    super(message, cause);
  }
}
