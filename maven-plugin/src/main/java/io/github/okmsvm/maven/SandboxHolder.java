package io.github.okmsvm.maven;

import io.github.okmsvm.core.ovh.Secret;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.time.Duration;

/**
 * The embedded sandbox of {@code -Dokms.sandbox}: one per Maven run, shared by its goals (so that
 * {@code okms:encrypt-vm okms:check} checks what was encrypted). It lives as long as the build's JVM, which Maven
 * ends itself; a shutdown hook would run after Maven has closed the plugin's class realm.
 */
final class SandboxHolder {
  static final String PCC = "pcc-198-51-100-1";
  private static OkmsSandbox sandbox;

  private SandboxHolder() {}

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
