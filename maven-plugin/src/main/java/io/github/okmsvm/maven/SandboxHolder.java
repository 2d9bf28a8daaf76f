package io.github.okmsvm.maven;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded sandbox of {@code -Dokms.sandbox}: one per Maven run, shared by its goals (so that
 * {@code okms:encrypt-vm okms:check} checks what was encrypted). It lives as long as the build's JVM, which Maven
 * ends itself; a shutdown hook would run after Maven has closed the plugin's class realm.
 */
final class SandboxHolder {
  static final String PCC = "pcc-198-51-100-1";
  private static OkmsSandbox sandbox;
  private static Path caFile;

  private SandboxHolder() {}

  /** How to reach {@code sandbox}: its endpoints, demo logins and CA, as one source of settings. */
  static SettingSource source(OkmsSandbox sandbox) {
    Path ca = caFile(sandbox);
    Map<String, String> values = new HashMap<>();
    values.put(SettingNames.OVH_ENDPOINT, sandbox.ovhEndpoint().apiBase().toString());
    values.put(SettingNames.OVH_TOKEN_URL, sandbox.ovhEndpoint().tokenUrl().toString());
    values.put(SettingNames.OVH_CLIENT_ID, sandbox.serviceAccount().clientId());
    values.put(SettingNames.OVH_CLIENT_SECRET, sandbox.serviceAccount().clientSecret().reveal());
    values.put(SettingNames.OVH_CA_FILE, ca.toString());
    values.put(SettingNames.VCENTER_SERVER, sandbox.vcenterUrl());
    values.put(SettingNames.VCENTER_USER, sandbox.vcenterUsername());
    values.put(SettingNames.VCENTER_PASSWORD, sandbox.vcenterPassword().reveal());
    values.put(SettingNames.VCENTER_CA_FILE, ca.toString());
    return SettingSource.of("the embedded sandbox", values);
  }

  private static synchronized Path caFile(OkmsSandbox sandbox) {
    if (caFile == null) {
      try {
        caFile = Files.createTempFile("okms-sandbox-ca", ".pem");
        caFile.toFile().deleteOnExit();
        Files.writeString(caFile, sandbox.trustBundlePem());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the sandbox's CA certificate", e);
      }
    }
    return caFile;
  }

  /** The sandbox; its vCenter takes {@code user} and {@code password} when given, its own demo ones otherwise. */
  static synchronized OkmsSandbox get(String user, Secret password) {
    if (sandbox == null) {
      OkmsSandbox.Builder builder = OkmsSandbox.builder();
      if (user != null) {
        builder.vcenterLogin(user, password);
      }
      OkmsSandbox started = builder.pcc(PCC)
          .vm("app-01", "prod", false, 1, false).vm("app-02", "prod", true, 2, false)
          .vm("db-01", "prod", false, 2, false).vm("legacy-01", "test", false, 1, true).start();
      started.vcenterServer().taskDuration(Duration.ofMillis(200));
      started.vcenterServer().guestShutdownDelay(Duration.ofMillis(500));
      sandbox = started;
    }
    return sandbox;
  }
}
