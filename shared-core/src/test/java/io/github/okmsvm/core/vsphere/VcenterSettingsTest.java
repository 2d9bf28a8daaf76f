package io.github.okmsvm.core.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VcenterSettingsTest {
  private static final String SHA1 = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD";
  private final List<String> warnings = new ArrayList<>();

  private static VcenterSettings resolve(Map<String, String> parameters, Map<String, String> environment) {
    return VcenterSettings.from(io.github.okmsvm.core.config.ResolvedSettings.resolve(List.of(
        SettingSource.of("parameters", parameters), SettingSource.environment(environment))),
        "add a settings.xml <server> with id okms-vcenter");
  }

  @Test
  void aPinnedThumbprintWinsOverEverythingElse() {
    VcenterSettings settings = resolve(Map.of("vcenterThumbprint", SHA1, "vcenterCaFile", "/nowhere.pem"),
        Map.of("VSPHERE_ALLOW_UNVERIFIED_SSL", "true"));

    assertThat(settings.tls(warnings::add)).hasToString("pinned thumbprint");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aCaFileMustBeReadable() {
    VcenterSettings settings = resolve(Map.of("vcenterCaFile", "/nowhere/vcenter-ca.pem"), Map.of());

    assertThatThrownBy(() -> settings.tls(warnings::add)).isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("vcenterCaFile '/nowhere/vcenter-ca.pem' cannot be read (")
        .hasMessageEndingWith("): give a PEM file with the CA that issued vCenter's certificate");
  }

  @Test
  void noVerificationOnlyWhenAskedAndThenWithAWarningNamingWhereItCameFrom() {
    assertThat(resolve(Map.of(), Map.of()).tls(warnings::add)).hasToString("system trust store");
    assertThat(warnings).isEmpty();

    assertThat(resolve(Map.of(), Map.of("VSPHERE_ALLOW_UNVERIFIED_SSL", "true")).tls(warnings::add))
        .hasToString("INSECURE: certificate not verified");
    assertThat(warnings).containsExactly("vCenter's certificate is NOT verified (vcenterInsecure, from the"
        + " environment): pin vcenterThumbprint or give vcenterCaFile instead");
  }

  @Test
  void missingServerOrLoginNamesEverySourceTheUserCanUse() {
    VcenterSettings empty = resolve(Map.of(), Map.of("VSPHERE_USER", "admin"));

    assertThatThrownBy(empty::server).hasMessage("vcenterServer is missing: give vCenter's host name, or set"
        + " VSPHERE_SERVER");
    assertThatThrownBy(empty::user).hasMessage("vcenterUser or its password is missing: set VSPHERE_USER and"
        + " VSPHERE_PASSWORD, or add a settings.xml <server> with id okms-vcenter");
  }

  @Test
  void theSourcesAreDescribedWithoutTheirValues() {
    VcenterSettings settings = resolve(Map.of("vcenterServer", "vc.example"),
        Map.of("VSPHERE_USER", "admin", "VSPHERE_PASSWORD", "pw-value"));

    assertThat(settings.user()).isEqualTo("admin");
    assertThat(settings.password().reveal()).isEqualTo("pw-value");
    assertThat(settings.describeSources()).isEqualTo("vcenterServer from parameters, vcenterUser from the"
        + " environment, vcenterPassword from the environment").doesNotContain("pw-value");
  }
}
