package io.github.okmsvm.core.common;

import java.util.Optional;

/**
 * The root of every failure a user can act on: a setting that cannot work, a refusal or an error answer from
 * vCenter, OKMS or the OVHcloud API, a wait that ran out. Its message is the core's own wording, which every front
 * end shows unchanged (Maven as a {@code MojoFailureException}, Jenkins as an {@code AbortException}); anything else
 * that escapes the core is a bug and may show its stack trace.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public UserException(String message) {
    this(null, message, null);
  }

  public UserException(String message, Throwable cause) {
    this(null, message, cause);
  }

  /** A failure caused by the setting {@code field}; the message starts with it and ends with the fix. */
  protected UserException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The setting at fault, by its name in the core (each front end knows how its users write it). */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
