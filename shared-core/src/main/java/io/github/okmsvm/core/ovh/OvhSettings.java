package io.github.okmsvm.core.ovh;

import static io.github.okmsvm.core.config.SettingNames.OVH_ACCESS_TOKEN;
import static io.github.okmsvm.core.config.SettingNames.OVH_APPLICATION_KEY;
import static io.github.okmsvm.core.config.SettingNames.OVH_APPLICATION_SECRET;
import static io.github.okmsvm.core.config.SettingNames.OVH_CA_FILE;
import static io.github.okmsvm.core.config.SettingNames.OVH_CLIENT_ID;
import static io.github.okmsvm.core.config.SettingNames.OVH_CLIENT_SECRET;
import static io.github.okmsvm.core.config.SettingNames.OVH_CONSUMER_KEY;
import static io.github.okmsvm.core.config.SettingNames.OVH_ENDPOINT;
import static io.github.okmsvm.core.config.SettingNames.OVH_TOKEN_URL;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.ResolvedSettings;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.tls.TrustMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The OVHcloud API endpoint, credentials and trust, found the way OVHcloud's own tools find them: explicit values,
 * then the {@code OVH_*} environment, then {@code ovh.conf}, then what the front end adds. The credentials must be
 * exactly one complete scheme: a service account (OAuth2 client credentials), an application key with its secret and
 * consumer key, or an access token.
 */
public final class OvhSettings {
  private static final List<String> NAMES = List.of(OVH_ENDPOINT, OVH_TOKEN_URL, OVH_CA_FILE, OVH_APPLICATION_KEY,
      OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, OVH_CLIENT_ID, OVH_CLIENT_SECRET, OVH_ACCESS_TOKEN);
  private static final Map<String, String> CONF_KEYS = Map.of(OVH_APPLICATION_KEY, "application_key",
      OVH_APPLICATION_SECRET, "application_secret", OVH_CONSUMER_KEY, "consumer_key", OVH_CLIENT_ID, "client_id",
      OVH_CLIENT_SECRET, "client_secret");

  private final ResolvedSettings settings;
  private final String hints;

  private OvhSettings(ResolvedSettings settings, String hints) {
    this.settings = settings;
    this.hints = hints;
  }

  /** From settings resolved already; {@code hints} name the front end's own sources in the "missing" message. */
  public static OvhSettings from(ResolvedSettings settings, String hints) {
    return new OvhSettings(settings, hints);
  }

  /** Resolves from {@code sources}, in order. */
  public static OvhSettings resolve(List<SettingSource> sources) {
    return from(ResolvedSettings.resolve(sources), null);
  }

  public OvhEndpoint endpoint() {
    String endpoint = settings.get(OVH_ENDPOINT);
    return OvhEndpoint.of(endpoint == null ? "ovh-eu" : endpoint, settings.get(OVH_TOKEN_URL));
  }

  /** Trust for the API's certificate: {@code ovhCaFile}'s CAs, or null for the system's trust store. */
  public SSLContext sslContext() {
    String file = settings.get(OVH_CA_FILE);
    if (file == null) {
      return null;
    }
    try {
      return TrustMaterial.sslContext(Files.readString(Path.of(file)), "ovhCaFile");
    } catch (IOException e) {
      throw new ConfigurationException(OVH_CA_FILE, "'" + file + "' cannot be read (" + e.getMessage() + ")",
          "give a PEM file with the CA certificates that issued the OVHcloud API's certificate");
    }
  }

  /** The credentials, which must be exactly one complete scheme. */
  public OvhCredentials credentials() {
    boolean applicationKey = settings.has(OVH_APPLICATION_KEY) || settings.has(OVH_APPLICATION_SECRET)
        || settings.has(OVH_CONSUMER_KEY);
    boolean serviceAccount = settings.has(OVH_CLIENT_ID) || settings.has(OVH_CLIENT_SECRET);
    boolean token = settings.has(OVH_ACCESS_TOKEN);
    int schemes = (applicationKey ? 1 : 0) + (serviceAccount ? 1 : 0) + (token ? 1 : 0);
    if (schemes == 0) {
      throw new ConfigurationException("credentials", "are missing",
          "set OVH_CLIENT_ID and OVH_CLIENT_SECRET (a service account), or OVH_APPLICATION_KEY,"
              + " OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or write them in ovh.conf"
              + (hints == null ? "" : ", or " + hints));
    }
    if (schemes > 1) {
      throw new ConfigurationException("credentials", "mix several schemes (" + describeSources() + ")",
          "give either a service account (client id and secret), or an application key (application key and"
              + " secret, consumer key), or an access token");
    }
    if (token) {
      return new OvhCredentials.AccessToken(Secret.of(settings.get(OVH_ACCESS_TOKEN)));
    }
    if (serviceAccount) {
      return new OvhCredentials.ServiceAccount(require(OVH_CLIENT_ID), Secret.of(require(OVH_CLIENT_SECRET)));
    }
    return new OvhCredentials.ApplicationKey(require(OVH_APPLICATION_KEY), Secret.of(require(OVH_APPLICATION_SECRET)),
        Secret.of(require(OVH_CONSUMER_KEY)));
  }

  /** Where each setting came from, for diagnostics; never a value. */
  public String describeSources() {
    return settings.describe(NAMES);
  }

  private String require(String name) {
    String value = settings.get(name);
    if (value == null) {
      String key = CONF_KEYS.get(name);
      throw new ConfigurationException(name, "is missing (" + describeSources() + ")",
          "set OVH_" + key.toUpperCase(java.util.Locale.ROOT) + " or " + key + " in ovh.conf");
    }
    return value;
  }
}
