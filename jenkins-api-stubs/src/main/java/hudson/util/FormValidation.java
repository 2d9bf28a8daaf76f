package hudson.util;

import java.io.IOException;

/** Jenkins core's answer of a form field check (an abstract class extending IOException). */
public abstract class FormValidation extends IOException {
  private static final long serialVersionUID = 1L;

  /** How bad it is. */
  public enum Kind { OK, WARNING, ERROR }

  public final Kind kind;

  private FormValidation(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static FormValidation ok() {
    return of(Kind.OK, null);
  }

  public static FormValidation ok(String message) {
    return of(Kind.OK, message);
  }

  public static FormValidation warning(String message) {
    return of(Kind.WARNING, message);
  }

  public static FormValidation error(String message) {
    return of(Kind.ERROR, message);
  }

  private static FormValidation of(Kind kind, String message) {
    return new FormValidation(kind, message) {
      private static final long serialVersionUID = 1L;
    };
  }
}
