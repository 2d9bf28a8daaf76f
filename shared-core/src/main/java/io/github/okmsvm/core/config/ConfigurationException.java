package io.github.okmsvm.core.config;

/**
 * A setting that cannot work. The message starts with the setting's name (the same in both front ends: Maven prefixes
 * it with {@code okms.}) and ends with the fix.
 */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public ConfigurationException(String field, String problemAndFix) {
    super(field + " " + problemAndFix);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
