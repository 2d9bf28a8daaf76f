package hudson.util;

import java.io.Serializable;

/** Jenkins core's secret value (a final class with a private constructor). */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public String getPlainText() {
    return value;
  }

  public static Secret fromString(String data) {
    return new Secret(data == null ? "" : data);
  }

  public static String toString(Secret secret) {
    return secret == null ? "" : secret.getPlainText();
  }

  /** As in Jenkins: the plain text (deprecated there for that reason), so that a test catches any leak through it. */
  @Override
  public String toString() {
    return value;
  }
}
