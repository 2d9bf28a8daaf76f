package io.github.okmsvm.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One place settings come from: the front end's parameters, the environment, {@code ovh.conf}, or what a front end
 * adds (Maven's {@code settings.xml} servers, Jenkins credentials). {@link ResolvedSettings} asks the sources in
 * order and takes each setting from the first that has it.
 */
public interface SettingSource {
  /** For the log line saying where a setting came from: "parameters", "the environment", ... */
  String description();

  /**
   * This source's value for {@code setting} ({@link SettingNames}), or null. {@code ovhEndpoint} is the endpoint
   * resolved so far ({@code ovh.conf} keeps each endpoint's keys in a section of its own).
   */
  String value(String setting, String ovhEndpoint);

  /** Values by setting name. */
  static SettingSource of(String description, Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(nonBlank(values));
    return new SettingSource() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public String value(String setting, String ovhEndpoint) {
        return copy.get(setting);
      }
    };
  }

  /**
   * The environment with the names OVHcloud's tools ({@code OVH_ENDPOINT}, {@code OVH_CLIENT_ID}, ...) and the
   * Terraform vSphere provider ({@code VSPHERE_SERVER}, {@code VSPHERE_USER}, {@code VSPHERE_PASSWORD},
   * {@code VSPHERE_ALLOW_UNVERIFIED_SSL}) use.
   */
  static SettingSource environment(Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    EnvironmentNames.NAMES.forEach((setting, variable) -> {
      if (environment.get(variable) != null) {
        values.put(setting, environment.get(variable));
      }
    });
    return of("the environment", values);
  }

  /** The text of one {@code ovh.conf}. */
  static SettingSource ovhConf(String description, String text) {
    return new OvhConf(description, OvhConf.parse(List.of(text.split("\\R"))));
  }

  /** {@code ovh.conf} files, the first one winning, as OVHcloud's libraries read them; unreadable ones are skipped. */
  static SettingSource ovhConfFiles(List<Path> files) {
    Map<String, Map<String, String>> sections = new HashMap<>();
    for (int i = files.size() - 1; i >= 0; i--) {
      Path file = files.get(i);
      if (!Files.isReadable(file)) {
        continue;
      }
      try {
        OvhConf.parse(Files.readAllLines(file)).forEach((section, entries) ->
            sections.computeIfAbsent(section, key -> new HashMap<>()).putAll(entries));
      } catch (IOException e) {
        throw new ConfigurationException("ovh.conf", "'" + file + "' cannot be read (" + e.getMessage() + ")",
            "check the file's permissions");
      }
    }
    return new OvhConf("ovh.conf", sections);
  }

  /** Where OVHcloud's libraries look for {@code ovh.conf}, the first one winning. */
  static List<Path> defaultOvhConfFiles() {
    return List.of(Path.of("ovh.conf"), Path.of(System.getProperty("user.home"), ".ovh.conf"),
        Path.of("/etc/ovh.conf"));
  }

  private static Map<String, String> nonBlank(Map<String, String> values) {
    Map<String, String> kept = new HashMap<>();
    values.forEach((key, value) -> {
      if (value != null && !value.isBlank()) {
        kept.put(key, value);
      }
    });
    return kept;
  }
}
