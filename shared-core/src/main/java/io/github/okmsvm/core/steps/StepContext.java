package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressListener;
import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import io.github.okmsvm.core.ovh.PccApi;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.wait.Poller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a step works with: the settings, the OVHcloud API and vCenter clients (opened on first use), the outputs of
 * the steps before it, and the progress listener. Records the changes of the running step.
 */
public final class StepContext {
  private final EncryptionSettings settings;
  private final Lazy<OvhApi> ovh;
  private final Lazy<VimClient> vcenter;
  private final ProgressListener listener;
  private final Poller poller;
  private final Map<String, String> outputs = new LinkedHashMap<>();
  private final List<String> changes = new ArrayList<>();
  private String step = "";
  private List<VmState> selectedVms;
  private PccApi.DedicatedCloud dedicatedCloud;

  public StepContext(EncryptionSettings settings, Supplier<OvhApi> ovh, Supplier<VimClient> vcenter,
      ProgressListener listener) {
    this(settings, ovh, vcenter, listener, Poller.standard());
  }

  public StepContext(EncryptionSettings settings, Supplier<OvhApi> ovh, Supplier<VimClient> vcenter,
      ProgressListener listener, Poller poller) {
    this.settings = settings;
    this.ovh = new Lazy<>(ovh, "the OVHcloud API");
    this.vcenter = new Lazy<>(vcenter, "vCenter");
    this.listener = listener;
    this.poller = poller;
  }

  public EncryptionSettings settings() {
    return settings;
  }

  public boolean plan() {
    return settings.plan;
  }

  public OkmsApi okms() {
    return new OkmsApi(ovh.get());
  }

  public OrderApi orders() {
    return new OrderApi(ovh.get());
  }

  public PccApi pcc() {
    return new PccApi(ovh.get());
  }

  public IamApi iam() {
    return new IamApi(ovh.get());
  }

  public VimClient vcenter() {
    return vcenter.get();
  }

  /** The VMs this run is about, read once per run (in pages) and kept: one inventory sweep per run. */
  public synchronized List<VmState> selectedVms() {
    if (selectedVms == null) {
      selectedVms = VmSelection.select(this, true);
    }
    return selectedVms;
  }

  /**
   * The VMs this run is about, to be judged only: read as {@link #selectedVms()} (and the same VMs, when a step of
   * this run read them already), but each without its devices as read, so that a gate over 100,000 VMs keeps a few
   * hundred bytes per VM.
   */
  public synchronized List<VmState> vmsToJudge() {
    return selectedVms != null ? selectedVms : VmSelection.select(this, false);
  }

  /** The PCC named by {@code pccServiceName}, read once per run. */
  public synchronized PccApi.DedicatedCloud dedicatedCloud() {
    if (dedicatedCloud == null) {
      String serviceName = settings.pccServiceName;
      try {
        dedicatedCloud = pcc().dedicatedCloud(serviceName);
      } catch (OvhApiException e) {
        if (e.isNotFound()) {
          throw new ConfigurationException(SettingNames.PCC_SERVICE_NAME, "'" + serviceName + "' is no Hosted"
              + " Private Cloud of this account: check the service name in the Control Panel");
        }
        throw e;
      }
    }
    return dedicatedCloud;
  }

  /**
   * Records a change of the running step and tells whether to make it: true in a real run, false in plan mode (where
   * the step must stop short of anything that depends on the change).
   */
  public synchronized boolean change(String description) {
    changes.add(description);
    listener.on(new ProgressEvent.Changed(step, description, settings.plan));
    return !settings.plan;
  }

  public void info(String message) {
    listener.on(new ProgressEvent.Info(step, message));
  }

  public void warn(String message) {
    listener.on(new ProgressEvent.Warning(step, message));
  }

  /** Waits with the product's polling pace, reporting progress, up to the {@code timeout} setting. */
  public <T> T await(String what, Supplier<Optional<T>> check) {
    return poller.until(what, settings.timeout, check, waiting(what));
  }

  /** A progress callback for waits done elsewhere (vCenter tasks). */
  public Consumer<Duration> waiting(String what) {
    return elapsed -> listener.on(new ProgressEvent.Waiting(step, what, elapsed));
  }

  public Optional<String> output(String name) {
    return Optional.ofNullable(outputs.get(name));
  }

  public void put(String name, String value) {
    if (value != null) {
      outputs.put(name, value);
    }
  }

  /** Every output so far, in the order they were set. */
  public Map<String, String> outputs() {
    return Map.copyOf(outputs);
  }

  ProgressListener listener() {
    return listener;
  }

  /** Starts recording {@code name}'s changes; returns those of the step before. */
  synchronized List<String> begin(String name) {
    List<String> previous = List.copyOf(changes);
    changes.clear();
    step = name;
    return previous;
  }

  synchronized List<String> changes() {
    return List.copyOf(changes);
  }

  /** Closes the clients this context opened. */
  public void close() {
    vcenter.ifOpened(VimClient::close);
    ovh.ifOpened(OvhApi::close);
  }

  private static final class Lazy<T> {
    private final Supplier<T> factory;
    private final String what;
    private T value;

    Lazy(Supplier<T> factory, String what) {
      this.factory = factory;
      this.what = what;
    }

    synchronized T get() {
      if (value == null) {
        if (factory == null) {
          throw new StepException("this step needs " + what + ", and no connection to it was configured");
        }
        value = factory.get();
      }
      return value;
    }

    synchronized void ifOpened(Consumer<T> action) {
      if (value != null) {
        action.accept(value);
      }
    }
  }
}
