package io.github.okmsvm.core.ovh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the endpoint and credentials the way OVHcloud's own tools do, in this order: explicit values, then the
 * {@code OVH_*} environment, then {@code ovh.conf} ({@code ./ovh.conf} over {@code ~/.ovh.conf} over
 * {@code /etc/ovh.conf}; section {@code [default] endpoint=}, then the endpoint's section with
 * {@code application_key=}, {@code client_id=}, ...). Each value is taken from the first source that has it.
 */
public final class OvhSettings {
  public static final String ENDPOINT = "endpoint";
  public static final String APPLICATION_KEY = "application_key";
  public static final String APPLICATION_SECRET = "application_secret";
  public static final String CONSUMER_KEY = "consumer_key";
  public static final String CLIENT_ID = "client_id";
  public static final String CLIENT_SECRET = "client_secret";
  public static final String ACCESS_TOKEN = "access_token";
  public static final String TOKEN_URL = "token_url";

  private static final List<String> KEYS = List.of(ENDPOINT, APPLICATION_KEY, APPLICATION_SECRET, CONSUMER_KEY,
      CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN, TOKEN_URL);

  private final Map<String, String> values;
  private final Map<String, String> sources;

  private OvhSettings(Map<String, String> values, Map<String, String> sources) {
    this.values = values;
    this.sources = sources;
  }

  /**
   * Resolves settings. {@code explicit} uses the keys of this class; {@code environment} is the process environment
   * ({@code OVH_ENDPOINT}, {@code OVH_APPLICATION_KEY}, ...); {@code confFiles} are read last to first, so the first
   * file wins (pass {@link #defaultConfFiles()}).
   */
  public static OvhSettings resolve(Map<String, String> explicit, Map<String, String> environment,
      List<Path> confFiles) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    take(values, sources, explicit, key -> key, "parameter");
    take(values, sources, environment, key -> "OVH_" + key.toUpperCase(Locale.ROOT), "environment");
    return fromConf(values, sources, readConf(confFiles));
  }

  private static OvhSettings fromConf(Map<String, String> values, Map<String, String> sources,
      Map<String, Map<String, String>> conf) {
    String endpoint = values.getOrDefault(ENDPOINT,
        conf.getOrDefault("default", Map.of()).get(ENDPOINT));
    if (endpoint != null && !values.containsKey(ENDPOINT)) {
      values.put(ENDPOINT, endpoint);
      sources.put(ENDPOINT, "ovh.conf");
    }
    if (endpoint != null) {
      take(values, sources, conf.getOrDefault(endpoint.strip(), Map.of()), key -> key, "ovh.conf");
    }
    return new OvhSettings(values, sources);
  }

  /** Settings from explicit values, then the environment, then the text of one {@code ovh.conf}. */
  public static OvhSettings resolve(Map<String, String> explicit, Map<String, String> environment, String confText) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    take(values, sources, explicit, key -> key, "parameter");
    take(values, sources, environment, key -> "OVH_" + key.toUpperCase(Locale.ROOT), "environment");
    Map<String, Map<String, String>> conf = new HashMap<>();
    parse(List.of(confText.split("\\R")), conf);
    return fromConf(values, sources, conf);
  }

  /** Where OVHcloud's libraries look for {@code ovh.conf}, the first one winning. */
  public static List<Path> defaultConfFiles() {
    return List.of(Path.of("ovh.conf"), Path.of(System.getProperty("user.home"), ".ovh.conf"),
        Path.of("/etc/ovh.conf"));
  }

  public OvhEndpoint endpoint() {
    return OvhEndpoint.of(values.getOrDefault(ENDPOINT, "ovh-eu"), values.get(TOKEN_URL));
  }

  /** The credentials, which must be exactly one complete scheme. */
  public OvhCredentials credentials() {
    boolean applicationKey = values.containsKey(APPLICATION_KEY) || values.containsKey(APPLICATION_SECRET)
        || values.containsKey(CONSUMER_KEY);
    boolean serviceAccount = values.containsKey(CLIENT_ID) || values.containsKey(CLIENT_SECRET);
    boolean token = values.containsKey(ACCESS_TOKEN);
    int schemes = (applicationKey ? 1 : 0) + (serviceAccount ? 1 : 0) + (token ? 1 : 0);
    if (schemes == 0) {
      throw new OvhConfigurationException("credentials", "are missing",
          "set OVH_CLIENT_ID and OVH_CLIENT_SECRET (a service account), or OVH_APPLICATION_KEY,"
              + " OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or write them in ovh.conf");
    }
    if (schemes > 1) {
      throw new OvhConfigurationException("credentials", "mix several schemes (" + describeSources() + ")",
          "give either a service account (client_id, client_secret), or an application key (application_key,"
              + " application_secret, consumer_key), or an access_token");
    }
    if (token) {
      return new OvhCredentials.AccessToken(Secret.of(values.get(ACCESS_TOKEN)));
    }
    if (serviceAccount) {
      return new OvhCredentials.ServiceAccount(require(CLIENT_ID), Secret.of(require(CLIENT_SECRET)));
    }
    return new OvhCredentials.ApplicationKey(require(APPLICATION_KEY), Secret.of(require(APPLICATION_SECRET)),
        Secret.of(require(CONSUMER_KEY)));
  }

  /** Where each setting came from, for diagnostics; never a value. */
  public String describeSources() {
    List<String> parts = new ArrayList<>();
    for (String key : KEYS) {
      if (sources.containsKey(key)) {
        parts.add(key + " from " + sources.get(key));
      }
    }
    return String.join(", ", parts);
  }

  private String require(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new OvhConfigurationException(key, "is missing (" + describeSources() + ")",
          "set OVH_" + key.toUpperCase(Locale.ROOT) + " or " + key + " in ovh.conf");
    }
    return value;
  }

  private static void take(Map<String, String> values, Map<String, String> sources, Map<String, String> from,
      java.util.function.UnaryOperator<String> name, String source) {
    for (String key : KEYS) {
      String value = from.get(name.apply(key));
      if (value != null && !value.isBlank() && !values.containsKey(key)) {
        values.put(key, value.strip());
        sources.put(key, source);
      }
    }
  }

  private static Map<String, Map<String, String>> readConf(List<Path> files) {
    Map<String, Map<String, String>> sections = new HashMap<>();
    for (int i = files.size() - 1; i >= 0; i--) {
      Path file = files.get(i);
      if (!Files.isReadable(file)) {
        continue;
      }
      try {
        parse(Files.readAllLines(file), sections);
      } catch (IOException e) {
        throw new OvhConfigurationException("ovh.conf", "'" + file + "' cannot be read (" + e.getMessage() + ")",
            "check the file's permissions");
      }
    }
    return sections;
  }

  /** INI lines into sections; a later file's values replace an earlier one's. */
  private static void parse(List<String> lines, Map<String, Map<String, String>> sections) {
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
  }
}
