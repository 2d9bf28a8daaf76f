package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Jenkins core's environment variables map: case-insensitive names, as on every agent platform Jenkins supports. */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  public EnvVars() {
    super(String.CASE_INSENSITIVE_ORDER);
  }

  public EnvVars(Map<String, String> values) {
    this();
    putAll(values);
  }
}
