package io.github.okmsvm.maven;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingSource;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** A {@code settings.xml} server, decrypted, as a source of a login: its username and password. */
final class SettingsXmlServer {
  private SettingsXmlServer() {}

  /**
   * The server {@code id} ({@code idProperty} names it) as a source of {@code userSetting} and
   * {@code passwordSetting}; an empty source when there is no such server.
   */
  static SettingSource source(MavenSession session, SettingsDecrypter decrypter, String id, String idProperty,
      String userSetting, String passwordSetting) {
    Map<String, String> values = new HashMap<>();
    Server server = session.getSettings() == null ? null : session.getSettings().getServer(id);
    if (server != null) {
      Server decrypted = decrypt(decrypter, server, idProperty);
      values.put(userSetting, decrypted.getUsername());
      values.put(passwordSetting, decrypted.getPassword());
    }
    return SettingSource.of("settings.xml server " + id, values);
  }

  private static Server decrypt(SettingsDecrypter decrypter, Server server, String idProperty) {
    var result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() == SettingsProblem.Severity.ERROR
          || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
        throw new ConfigurationException(idProperty, "names settings.xml server '" + server.getId() + "', which"
            + " cannot be decrypted (" + problem.getMessage() + ")", "check settings-security.xml and the encrypted"
            + " password");
      }
    }
    return result.getServer();
  }
}
