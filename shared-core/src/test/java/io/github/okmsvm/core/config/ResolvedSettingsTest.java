package io.github.okmsvm.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedSettingsTest {
  @Test
  void eachSettingComesFromTheFirstSourceThatHasIt() {
    ResolvedSettings settings = ResolvedSettings.resolve(List.of(
        SettingSource.of("parameters", Map.of(SettingNames.VCENTER_SERVER, "vc.example")),
        SettingSource.environment(Map.of("VSPHERE_SERVER", "other.example", "VSPHERE_USER", "admin",
            "VSPHERE_PASSWORD", "pw-value")),
        SettingSource.of("settings.xml server okms-vcenter", Map.of(SettingNames.VCENTER_USER, "late"))));

    assertThat(settings.get(SettingNames.VCENTER_SERVER)).isEqualTo("vc.example");
    assertThat(settings.get(SettingNames.VCENTER_USER)).isEqualTo("admin");
    assertThat(settings.describe(List.of(SettingNames.VCENTER_SERVER, SettingNames.VCENTER_USER,
        SettingNames.VCENTER_PASSWORD))).isEqualTo("vcenterServer from parameters, vcenterUser from the"
            + " environment, vcenterPassword from the environment");
  }

  @Test
  void blankValuesDoNotHideALaterSource() {
    ResolvedSettings settings = ResolvedSettings.resolve(List.of(
        SettingSource.of("parameters", Map.of(SettingNames.OVH_CLIENT_ID, "  ")),
        SettingSource.environment(Map.of("OVH_CLIENT_ID", "from-env"))));

    assertThat(settings.get(SettingNames.OVH_CLIENT_ID)).isEqualTo("from-env");
  }

  @Test
  void ovhConfIsReadInTheSectionOfTheEndpointResolvedFromAnySource() {
    String conf = "[default]\nendpoint=ovh-eu\n[ovh-eu]\nclient_id=eu-id\n[ovh-ca]\nclient_id=ca-id\n";

    ResolvedSettings fromConf = ResolvedSettings.resolve(List.of(SettingSource.ovhConf("ovh.conf", conf)));
    ResolvedSettings overridden = ResolvedSettings.resolve(List.of(
        SettingSource.environment(Map.of("OVH_ENDPOINT", "ovh-ca")), SettingSource.ovhConf("ovh.conf", conf)));

    assertThat(fromConf.get(SettingNames.OVH_CLIENT_ID)).isEqualTo("eu-id");
    assertThat(overridden.get(SettingNames.OVH_CLIENT_ID)).isEqualTo("ca-id");
  }

  @Test
  void aFlagIsTrueOrFalseAndNothingElse() {
    ResolvedSettings yes = ResolvedSettings.resolve(List.of(
        SettingSource.environment(Map.of("VSPHERE_ALLOW_UNVERIFIED_SSL", "yes"))));
    ResolvedSettings upper = ResolvedSettings.resolve(List.of(
        SettingSource.environment(Map.of("VSPHERE_ALLOW_UNVERIFIED_SSL", "TRUE"))));

    assertThat(upper.flag(SettingNames.VCENTER_INSECURE)).isTrue();
    assertThat(ResolvedSettings.resolve(List.of()).flag(SettingNames.VCENTER_INSECURE)).isFalse();
    assertThatThrownBy(() -> yes.flag(SettingNames.VCENTER_INSECURE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("vcenterInsecure is 'yes' (from the environment): give true or false");
  }
}
