package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.config.ConfigurationException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where an OVHcloud API lives: the API host and the OAuth2 token URL. The presets are the endpoints OVHcloud's own
 * libraries know; since the hosts are migrating ({@code api.eu.ovhcloud.com}), both URLs can be given instead.
 */
public record OvhEndpoint(String name, URI apiBase, URI tokenUrl) {
  private static final Map<String, OvhEndpoint> PRESETS = Map.of(
      "ovh-eu", new OvhEndpoint("ovh-eu", URI.create("https://eu.api.ovh.com"),
          URI.create("https://www.ovh.com/auth/oauth2/token")),
      "ovh-ca", new OvhEndpoint("ovh-ca", URI.create("https://ca.api.ovh.com"),
          URI.create("https://ca.ovh.com/auth/oauth2/token")),
      "ovh-us", new OvhEndpoint("ovh-us", URI.create("https://api.us.ovhcloud.com"),
          URI.create("https://us.ovhcloud.com/auth/oauth2/token")));

  /** API version paths; {@code /1.0} and {@code /v1} are the same API. */
  public enum Version {
    V1("/v1"),
    V2("/v2");

    private final String prefix;

    Version(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /**
   * A preset name ({@code ovh-eu}, {@code ovh-ca}, {@code ovh-us}) or an API URL such as
   * {@code https://api.eu.ovhcloud.com/1.0}; with a URL, {@code tokenUrl} gives the OAuth2 token URL (else the
   * token URL of the preset whose region the host names).
   */
  public static OvhEndpoint of(String endpoint, String tokenUrl) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new ConfigurationException("ovhEndpoint", "is empty", "give ovh-eu, ovh-ca, ovh-us or an API URL");
    }
    String value = endpoint.strip();
    OvhEndpoint preset = PRESETS.get(value.toLowerCase(Locale.ROOT));
    if (preset != null) {
      return tokenUrl == null || tokenUrl.isBlank() ? preset
          : new OvhEndpoint(preset.name, preset.apiBase, parseUrl(tokenUrl, "ovhTokenUrl"));
    }
    if (value.toLowerCase(Locale.ROOT).startsWith("http://")) {
      throw new ConfigurationException("ovhEndpoint", "'" + value + "' uses plain HTTP, which would send the"
          + " credentials and every answer in clear", "give the https:// URL: the OVHcloud API is only served over"
          + " HTTPS");
    }
    if (!value.startsWith("https://")) {
      throw new ConfigurationException("ovhEndpoint", "'" + value + "' is neither a preset nor a URL",
          "give ovh-eu, ovh-ca, ovh-us or an API URL such as https://api.eu.ovhcloud.com");
    }
    URI base = parseUrl(stripVersion(value), "ovhEndpoint");
    URI token = tokenUrl == null || tokenUrl.isBlank() ? guessTokenUrl(base) : parseUrl(tokenUrl, "ovhTokenUrl");
    return new OvhEndpoint(base.getHost(), base, token);
  }

  /** The full URL of {@code path} (starting with {@code /}) in {@code version}, with an encoded query. */
  public URI url(Version version, String pathAndQuery) {
    return URI.create(apiBase.toString() + version.prefix() + pathAndQuery);
  }

  private static String stripVersion(String url) {
    String trimmed = url.replaceAll("/+$", "");
    for (String suffix : new String[] {"/1.0", "/v1", "/v2"}) {
      if (trimmed.endsWith(suffix)) {
        return trimmed.substring(0, trimmed.length() - suffix.length());
      }
    }
    return trimmed;
  }

  private static URI guessTokenUrl(URI base) {
    String host = base.getHost();
    if (host.contains(".ca.") || host.startsWith("ca.")) {
      return PRESETS.get("ovh-ca").tokenUrl;
    }
    if (host.contains(".us.")) {
      return PRESETS.get("ovh-us").tokenUrl;
    }
    if (host.endsWith("ovhcloud.com") && host.contains(".eu.")) {
      return URI.create("https://auth.eu.ovhcloud.com/oauth2/token");
    }
    return URI.create(base.getScheme() + "://" + base.getAuthority() + "/auth/oauth2/token");
  }

  private static URI parseUrl(String value, String field) {
    try {
      URI uri = URI.create(value.strip());
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(field, "'" + value + "' is not a URL", "write it as https://host/path");
    }
  }
}
