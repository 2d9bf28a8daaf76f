package io.github.okmsvm.core.config;

import java.util.Map;

/**
 * The environment variables each setting is read from, as OVHcloud's tools and Terraform's vSphere provider name
 * them; the Jenkins bindings export the same ones, so that a step reads back what {@code withCredentials} sets.
 */
public final class EnvironmentNames {
  static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry(SettingNames.OVH_ENDPOINT, "OVH_ENDPOINT"),
      Map.entry(SettingNames.OVH_APPLICATION_KEY, "OVH_APPLICATION_KEY"),
      Map.entry(SettingNames.OVH_APPLICATION_SECRET, "OVH_APPLICATION_SECRET"),
      Map.entry(SettingNames.OVH_CONSUMER_KEY, "OVH_CONSUMER_KEY"),
      Map.entry(SettingNames.OVH_CLIENT_ID, "OVH_CLIENT_ID"),
      Map.entry(SettingNames.OVH_CLIENT_SECRET, "OVH_CLIENT_SECRET"),
      Map.entry(SettingNames.OVH_ACCESS_TOKEN, "OVH_ACCESS_TOKEN"),
      Map.entry(SettingNames.OVH_TOKEN_URL, "OVH_TOKEN_URL"),
      Map.entry(SettingNames.VCENTER_SERVER, "VSPHERE_SERVER"),
      Map.entry(SettingNames.VCENTER_USER, "VSPHERE_USER"),
      Map.entry(SettingNames.VCENTER_PASSWORD, "VSPHERE_PASSWORD"),
      Map.entry(SettingNames.VCENTER_INSECURE, "VSPHERE_ALLOW_UNVERIFIED_SSL"));

  private EnvironmentNames() {}

  /** The variable a setting is read from, or null. */
  public static String of(String setting) {
    return NAMES.get(setting);
  }
}
