package io.github.okmsvm.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings taken from their sources in order: each setting from the first source that has a non-blank value for it
 * (the OVHcloud endpoint first, since {@code ovh.conf} sections depend on it). Remembers where each came from, so
 * that a message can say it without showing a value.
 */
public final class ResolvedSettings {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();

  private ResolvedSettings() {}

  public static ResolvedSettings resolve(List<SettingSource> sources) {
    ResolvedSettings resolved = new ResolvedSettings();
    resolved.take(SettingNames.OVH_ENDPOINT, sources, null);
    String endpoint = resolved.values.get(SettingNames.OVH_ENDPOINT);
    List<String> names = new ArrayList<>(SettingNames.SETTINGS);
    names.addAll(SettingNames.CREDENTIALS);
    for (String name : names) {
      if (!name.equals(SettingNames.OVH_ENDPOINT)) {
        resolved.take(name, sources, endpoint == null ? "ovh-eu" : endpoint);
      }
    }
    return resolved;
  }

  private void take(String name, List<SettingSource> from, String endpoint) {
    for (SettingSource source : from) {
      String value = source.value(name, endpoint);
      if (value != null && !value.isBlank()) {
        values.put(name, value.strip());
        sources.put(name, source.description());
        return;
      }
    }
  }

  /** The value, or null. */
  public String get(String name) {
    return values.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * A boolean setting: {@code true} or {@code false} (any case), absent being false; anything else is refused, so
   * that {@code yes} never silently means false.
   */
  public boolean flag(String name) {
    String value = values.get(name);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new ConfigurationException(name, "is '" + value + "' (from " + sources.get(name) + ")",
        "give true or false");
  }

  /** Where {@code names} came from ("ovhClientId from the environment, ..."); never a value. */
  public String describe(List<String> names) {
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      if (sources.containsKey(name)) {
        parts.add(name + " from " + sources.get(name));
      }
    }
    return String.join(", ", parts);
  }

  /** Where {@code name} came from, or null. */
  public String source(String name) {
    return sources.get(name);
  }
}
