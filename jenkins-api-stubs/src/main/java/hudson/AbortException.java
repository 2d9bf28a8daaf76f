package hudson;

import java.io.IOException;

/** Jenkins core's signal that a build step failed for a reason its message says: the build log shows no stack trace. */
public class AbortException extends IOException {
  private static final long serialVersionUID = 1L;

  public AbortException() {}

  public AbortException(String message) {
    super(message);
  }
}
