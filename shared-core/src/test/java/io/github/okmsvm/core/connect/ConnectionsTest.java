package io.github.okmsvm.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.steps.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
  private final List<ProgressEvent> events = new ArrayList<>();

  @Test
  void theOvhcloudConnectionSaysWhereItsSettingsCameFromAndNeverASecret() {
    Connections connections = Connections.resolve(List.of(
        SettingSource.of("parameters", Map.of("ovhEndpoint", "ovh-ca")),
        SettingSource.environment(Map.of("OVH_CLIENT_ID", "sa-id", "OVH_CLIENT_SECRET", "sa-secret-value"))),
        null, null);
    StepContext context = connections.open(EncryptionSettings.builder().build(), events::add, line -> { });

    context.okms();
    context.close();

    assertThat(events).hasSize(1).first().isEqualTo(new ProgressEvent.Info("connect", "OVHcloud API"
        + " https://ca.api.ovh.com with service account sa-id (ovhEndpoint from parameters, ovhClientId from the"
        + " environment, ovhClientSecret from the environment)"));
    assertThat(events.toString()).doesNotContain("sa-secret-value");
  }

  @Test
  void missingCredentialsNameTheFrontEndsOwnSourcesToo() {
    Connections connections = Connections.resolve(List.of(), "give ovhCredentialsId", "give vcenterCredentialsId");
    StepContext context = connections.open(EncryptionSettings.builder().build(), events::add, line -> { });

    assertThatThrownBy(context::okms).isInstanceOf(UserException.class).hasMessage("credentials are missing: set"
        + " OVH_CLIENT_ID and OVH_CLIENT_SECRET (a service account), or OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET"
        + " and OVH_CONSUMER_KEY, or write them in ovh.conf, or give ovhCredentialsId");
    assertThatThrownBy(context::vcenter).isInstanceOf(UserException.class)
        .hasMessage("vcenterServer is missing: give vCenter's host name, or set VSPHERE_SERVER");
  }
}
