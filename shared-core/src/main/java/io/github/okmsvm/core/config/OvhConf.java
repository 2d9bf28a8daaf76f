package io.github.okmsvm.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ovh.conf} as OVHcloud's libraries read it: {@code [default] endpoint=}, then the endpoint's own section
 * ({@code [ovh-eu] application_key=...}).
 */
final class OvhConf implements SettingSource {
  private static final Map<String, String> KEYS = Map.of(
      SettingNames.OVH_APPLICATION_KEY, "application_key",
      SettingNames.OVH_APPLICATION_SECRET, "application_secret",
      SettingNames.OVH_CONSUMER_KEY, "consumer_key",
      SettingNames.OVH_CLIENT_ID, "client_id",
      SettingNames.OVH_CLIENT_SECRET, "client_secret",
      SettingNames.OVH_ACCESS_TOKEN, "access_token",
      SettingNames.OVH_TOKEN_URL, "token_url");

  private final String description;
  private final Map<String, Map<String, String>> sections;

  OvhConf(String description, Map<String, Map<String, String>> sections) {
    this.description = description;
    this.sections = sections;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String value(String setting, String ovhEndpoint) {
    if (setting.equals(SettingNames.OVH_ENDPOINT)) {
      return sections.getOrDefault("default", Map.of()).get("endpoint");
    }
    String key = KEYS.get(setting);
    return key == null || ovhEndpoint == null ? null
        : sections.getOrDefault(ovhEndpoint.strip(), Map.of()).get(key);
  }

  /** INI lines into sections; comments start with {@code #} or {@code ;}. */
  static Map<String, Map<String, String>> parse(List<String> lines) {
    Map<String, Map<String, String>> sections = new HashMap<>();
    String section = "";
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip();
      } else if (line.contains("=")) {
        int eq = line.indexOf('=');
        sections.computeIfAbsent(section, s -> new HashMap<>())
            .put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return sections;
  }
}
