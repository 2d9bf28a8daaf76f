package io.github.okmsvm.core.ovh;

/** OVHcloud API settings that cannot work, with the setting, what is wrong, and the fix. */
public class OvhConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public OvhConfigurationException(String field, String problem, String fix) {
    super(field + " " + problem + ": " + fix);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
