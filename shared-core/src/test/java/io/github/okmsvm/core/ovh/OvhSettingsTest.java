package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.SettingSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvhSettingsTest {
  @TempDir Path dir;

  /** Parameters, then the environment, then ovh.conf files: the order both front ends use. */
  private static OvhSettings resolve(Map<String, String> explicit, Map<String, String> environment,
      List<Path> confFiles) {
    return OvhSettings.resolve(List.of(SettingSource.of("parameters", explicit), SettingSource.environment(environment),
        SettingSource.ovhConfFiles(confFiles)));
  }

  @Test
  void explicitBeatsEnvironmentWhichBeatsOvhConf() throws Exception {
    Path conf = Files.writeString(dir.resolve("ovh.conf"), String.join("\n",
        "[default]", "endpoint=ovh-ca", "", "[ovh-ca]", "client_id=from-conf", "client_secret=conf-secret", ""));

    OvhSettings fromConf = resolve(Map.of(), Map.of(), List.of(conf));
    OvhSettings fromEnv = resolve(Map.of(), Map.of("OVH_CLIENT_ID", "from-env"), List.of(conf));
    OvhSettings explicit = resolve(Map.of("ovhClientId", "explicit"), Map.of("OVH_CLIENT_ID", "from-env"),
        List.of(conf));

    assertThat(fromConf.endpoint().name()).isEqualTo("ovh-ca");
    assertThat(fromConf.credentials()).isEqualTo(new OvhCredentials.ServiceAccount("from-conf",
        Secret.of("conf-secret")));
    assertThat(((OvhCredentials.ServiceAccount) fromEnv.credentials()).clientId()).isEqualTo("from-env");
    assertThat(((OvhCredentials.ServiceAccount) explicit.credentials()).clientId()).isEqualTo("explicit");
    assertThat(explicit.describeSources())
        .isEqualTo("ovhEndpoint from ovh.conf, ovhClientId from parameters, ovhClientSecret from ovh.conf");
  }

  @Test
  void theFirstConfFileWinsLikeOvhcloudsLibraries() throws Exception {
    Path local = Files.writeString(dir.resolve("local.conf"), "[ovh-eu]\napplication_key=local\n");
    Path home = Files.writeString(dir.resolve("home.conf"),
        "[default]\nendpoint=ovh-eu\n[ovh-eu]\napplication_key=home\napplication_secret=as\nconsumer_key=ck\n");

    OvhCredentials credentials = resolve(Map.of(), Map.of(), List.of(local, home)).credentials();

    assertThat(credentials).hasToString("ApplicationKey[local]");
  }

  @Test
  void incompleteOrMixedCredentialsSayWhatToSet() {
    assertThatThrownBy(() -> resolve(Map.of(), Map.of(), List.of()).credentials())
        .hasMessage("credentials are missing: set OVH_CLIENT_ID and OVH_CLIENT_SECRET (a service account), or"
            + " OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or write them in ovh.conf");
    assertThatThrownBy(() -> resolve(Map.of(), Map.of("OVH_APPLICATION_KEY", "ak",
        "OVH_APPLICATION_SECRET", "s3cret"), List.of()).credentials())
        .hasMessage("ovhConsumerKey is missing (ovhApplicationKey from the environment, ovhApplicationSecret from"
            + " the environment): set OVH_CONSUMER_KEY or consumer_key in ovh.conf")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    assertThatThrownBy(() -> resolve(Map.of(), Map.of("OVH_APPLICATION_KEY", "ak",
        "OVH_CLIENT_ID", "id"), List.of()).credentials())
        .hasMessageStartingWith("credentials mix several schemes (ovhApplicationKey from the environment, ovhClientId"
            + " from the environment)");
  }

  @Test
  void endpointsArePresetsOrUrlsWithTheirTokenUrl() {
    assertThat(OvhEndpoint.of("ovh-eu", null).url(OvhEndpoint.Version.V2, "/okms/resource"))
        .hasToString("https://eu.api.ovh.com/v2/okms/resource");
    OvhEndpoint migrated = OvhEndpoint.of("https://api.eu.ovhcloud.com/1.0", null);
    assertThat(migrated.url(OvhEndpoint.Version.V1, "/me")).hasToString("https://api.eu.ovhcloud.com/v1/me");
    assertThat(migrated.tokenUrl()).hasToString("https://auth.eu.ovhcloud.com/oauth2/token");
    assertThat(OvhEndpoint.of("ovh-us", null).tokenUrl()).hasToString("https://us.ovhcloud.com/auth/oauth2/token");
    assertThatThrownBy(() -> OvhEndpoint.of("http://api.eu.ovhcloud.com/1.0", null))
        .hasMessage("ovhEndpoint 'http://api.eu.ovhcloud.com/1.0' uses plain HTTP, which would send the credentials"
            + " and every answer in clear: give the https:// URL: the OVHcloud API is only served over HTTPS");
    assertThatThrownBy(() -> OvhEndpoint.of("ovh-mars", null))
        .hasMessage("ovhEndpoint 'ovh-mars' is neither a preset nor a URL: give ovh-eu, ovh-ca, ovh-us or an API URL"
            + " such as https://api.eu.ovhcloud.com");
  }

  @Test
  void secretsNeverShowInToString() {
    assertThat(new OvhCredentials.ApplicationKey("ak", Secret.of("as-value"), Secret.of("ck-value")).toString())
        .doesNotContain("as-value").doesNotContain("ck-value");
    assertThat(new OvhCredentials.ServiceAccount("id", Secret.of("cs-value")).toString()).doesNotContain("cs-value");
    assertThat(new OvhCredentials.AccessToken(Secret.of("tok-value")).toString()).doesNotContain("tok-value");
  }
}
