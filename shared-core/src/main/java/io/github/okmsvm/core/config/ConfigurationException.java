package io.github.okmsvm.core.config;

import io.github.okmsvm.core.common.UserException;

/**
 * A setting that cannot work. The message starts with the setting's name in the core (each front end shows it the
 * way its users write it: {@code -Dokms.order=true} in Maven, {@code order: true} in Jenkins) and ends with the fix.
 */
public class ConfigurationException extends UserException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String field, String problemAndFix) {
    super(field, field + " " + problemAndFix, null);
  }

  public ConfigurationException(String field, String problem, String fix) {
    this(field, problem + ": " + fix);
  }

  /** The setting at fault. */
  public String setting() {
    return field().orElseThrow();
  }
}
