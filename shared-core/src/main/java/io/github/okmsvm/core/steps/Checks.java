package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.tls.TlsEndpoint;
import java.util.ArrayList;
import java.util.List;

/** A step's checks of its settings, all run, every problem reported together. */
final class Checks {
  private Checks() {}

  static void all(Runnable... checks) {
    List<UserException> problems = new ArrayList<>();
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (UserException e) {
        problems.add(e);
      }
    }
    if (!problems.isEmpty()) {
      throw ConfigurationException.all(problems);
    }
  }

  /** {@code kmipEndpoint}, when given, is a host and a port in range: checked before anything is ordered. */
  static void kmipEndpoint(String value) {
    if (value != null) {
      try {
        TlsEndpoint.parse(value, TlsEndpoint.KMIP_PORT, "kmipEndpoint");
      } catch (UserException e) {
        throw new ConfigurationException("kmipEndpoint", e.getMessage().substring("kmipEndpoint ".length()));
      }
    }
  }
}
