package io.github.okmsvm.jenkins;

import io.github.okmsvm.core.config.SettingSource;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What one Jenkins credential gives, read on the controller (where the credentials store is) and sent with the
 * step's work to the node that uses it, as {@code withCredentials} sends its variables. It never prints its values.
 */
final class CredentialValues implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String description;
  private final HashMap<String, String> values;
  private final String ovhConf;

  private CredentialValues(String description, Map<String, String> values, String ovhConf) {
    this.description = description;
    this.values = new HashMap<>(values);
    this.ovhConf = ovhConf;
  }

  /** Settings by their core names. */
  static CredentialValues of(String description, Map<String, String> values) {
    return new CredentialValues(description, values, null);
  }

  /** The text of an {@code ovh.conf}. */
  static CredentialValues ovhConf(String description, String text) {
    return new CredentialValues(description, Map.of(), text);
  }

  SettingSource source() {
    return ovhConf == null ? SettingSource.of(description, values) : SettingSource.ovhConf(description, ovhConf);
  }

  @Override
  public String toString() {
    return description;
  }
}
