package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Jenkins core's environment variables map. */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;

  public EnvVars() {}

  public EnvVars(Map<String, String> values) {
    putAll(values);
  }
}
