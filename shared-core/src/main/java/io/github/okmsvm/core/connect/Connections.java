package io.github.okmsvm.core.connect;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.ResolvedSettings;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressListener;
import io.github.okmsvm.core.http.HttpProxy;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhSettings;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.vsphere.VcenterSettings;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimTls;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a run connects, decided in one place for every front end: the settings from the front end's sources in order
 * (its parameters, then the environment, then {@code ovh.conf}, then what it adds: settings.xml servers, Jenkins
 * credentials), the OVHcloud API and vCenter opened on first use, and one line saying which source each came from.
 */
public final class Connections {
  private static final String STEP = "connect";
  private static final Duration VCENTER_TIMEOUT = Duration.ofSeconds(60);

  private final OvhSettings ovh;
  private final VcenterSettings vcenter;
  private final HttpProxy ovhProxy;

  private Connections(OvhSettings ovh, VcenterSettings vcenter, HttpProxy ovhProxy) {
    this.ovh = ovh;
    this.vcenter = vcenter;
    this.ovhProxy = ovhProxy;
  }

  /**
   * Resolves from {@code sources}, in order. {@code ovhHints} and {@code vcenterHints} name the front end's own
   * sources in the message for missing credentials, such as "a settings.xml server with id okms-vcenter".
   */
  public static Connections resolve(List<SettingSource> sources, String ovhHints, String vcenterHints) {
    ResolvedSettings settings = ResolvedSettings.resolve(sources);
    return new Connections(OvhSettings.from(settings, ovhHints), VcenterSettings.from(settings, vcenterHints), null);
  }

  /** The same, reaching the OVHcloud API through {@code proxy} (Jenkins' proxy) rather than the JVM's settings. */
  public Connections withOvhProxy(HttpProxy proxy) {
    return new Connections(ovh, vcenter, proxy);
  }

  public OvhSettings ovh() {
    return ovh;
  }

  public VcenterSettings vcenter() {
    return vcenter;
  }

  /**
   * A step context for {@code settings} whose clients open on first use; {@code debug} receives one line per
   * exchange (method, path, status, duration: never a header, body or secret).
   */
  public StepContext open(EncryptionSettings settings, ProgressListener listener, Consumer<String> debug) {
    return new StepContext(settings, () -> openOvh(listener, debug), () -> openVcenter(listener, debug), listener);
  }

  private OvhApi openOvh(ProgressListener listener, Consumer<String> debug) {
    OvhCredentials credentials = ovh.credentials();
    listener.on(new ProgressEvent.Info(STEP, "OVHcloud API " + ovh.endpoint().apiBase() + " with "
        + describe(credentials) + " (" + ovh.describeSources() + ")"));
    return OvhApi.builder().endpoint(ovh.endpoint()).credentials(credentials).sslContext(ovh.sslContext())
        .proxy(ovhProxy).log(line -> debug.accept("OVHcloud " + line)).build();
  }

  private VimClient openVcenter(ProgressListener listener, Consumer<String> debug) {
    String server = vcenter.server();
    String user = vcenter.user();
    VimTls tls = vcenter.tls(warning -> listener.on(new ProgressEvent.Warning(STEP, warning)));
    listener.on(new ProgressEvent.Info(STEP, "vCenter " + server + " as " + user + ", certificate trusted by " + tls
        + " (" + vcenter.describeSources() + ")"));
    return VimClient.connect(server, user, vcenter.password(), tls, VCENTER_TIMEOUT,
        line -> debug.accept("vCenter " + line));
  }

  private static String describe(OvhCredentials credentials) {
    if (credentials instanceof OvhCredentials.ServiceAccount account) {
      return "service account " + account.clientId();
    }
    if (credentials instanceof OvhCredentials.ApplicationKey key) {
      return "application key " + key.applicationKey();
    }
    return "an access token";
  }
}
