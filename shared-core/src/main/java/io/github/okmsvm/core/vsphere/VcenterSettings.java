package io.github.okmsvm.core.vsphere;

import static io.github.okmsvm.core.config.SettingNames.VCENTER_CA_FILE;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_INSECURE;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_PASSWORD;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_SERVER;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_THUMBPRINT;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_USER;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.ResolvedSettings;
import io.github.okmsvm.core.config.SettingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * vCenter's address, login and TLS trust, from the same ordered sources as the OVHcloud settings: explicit values,
 * then {@code VSPHERE_*} (the names Terraform's vSphere provider reads), then what the front end adds. Trust is, in
 * this order: a pinned SHA-1 or SHA-256 thumbprint, a CA file, the system trust store; no verification at all only by
 * explicit choice, with a warning.
 */
public final class VcenterSettings {
  private static final List<String> NAMES = List.of(VCENTER_SERVER, VCENTER_USER, VCENTER_PASSWORD,
      VCENTER_THUMBPRINT, VCENTER_CA_FILE, VCENTER_INSECURE);

  private final ResolvedSettings settings;
  private final String hints;

  private VcenterSettings(ResolvedSettings settings, String hints) {
    this.settings = settings;
    this.hints = hints;
  }

  /** Checks a {@code vcenterThumbprint} as the connection would take it, for a front end's form. */
  public static void checkThumbprint(String thumbprint) {
    VimTls.checkThumbprint(thumbprint);
  }

  /** From settings resolved already; {@code hints} name the front end's own sources in the "missing" messages. */
  public static VcenterSettings from(ResolvedSettings settings, String hints) {
    return new VcenterSettings(settings, hints);
  }

  public static VcenterSettings resolve(List<SettingSource> sources) {
    return from(ResolvedSettings.resolve(sources), null);
  }

  public String server() {
    String server = settings.get(VCENTER_SERVER);
    if (server == null) {
      throw new ConfigurationException(VCENTER_SERVER, "is missing", "give vCenter's host name, or set"
          + " VSPHERE_SERVER");
    }
    return server;
  }

  /** The user, whose password must come with it. */
  public String user() {
    String user = settings.get(VCENTER_USER);
    if (user == null || !settings.has(VCENTER_PASSWORD)) {
      throw new ConfigurationException(VCENTER_USER, "or its password is missing", "set VSPHERE_USER and"
          + " VSPHERE_PASSWORD" + (hints == null ? "" : ", or " + hints));
    }
    return user;
  }

  public Secret password() {
    user();
    return Secret.of(settings.get(VCENTER_PASSWORD));
  }

  /** Whether a login is configured at all (the sandbox adopts it). */
  public boolean hasLogin() {
    return settings.has(VCENTER_USER) && settings.has(VCENTER_PASSWORD);
  }

  /** How vCenter's certificate is trusted; {@code warn} hears why an unverified certificate is a risk. */
  public VimTls tls(Consumer<String> warn) {
    String thumbprint = settings.get(VCENTER_THUMBPRINT);
    if (thumbprint != null) {
      return VimTls.pinned(thumbprint);
    }
    String caFile = settings.get(VCENTER_CA_FILE);
    if (caFile != null) {
      try {
        return VimTls.trusting(Files.readString(Path.of(caFile)));
      } catch (IOException e) {
        throw new ConfigurationException(VCENTER_CA_FILE, "'" + caFile + "' cannot be read (" + e.getMessage()
            + ")", "give a PEM file with the CA that issued vCenter's certificate");
      }
    }
    if (settings.flag(VCENTER_INSECURE)) {
      warn.accept("vCenter's certificate is NOT verified (vcenterInsecure, from " + settings.source(VCENTER_INSECURE)
          + "): pin vcenterThumbprint or give vcenterCaFile instead");
      return VimTls.insecure();
    }
    return VimTls.system();
  }

  /** Where each setting came from, for the log; never a value. */
  public String describeSources() {
    return settings.describe(NAMES);
  }
}
