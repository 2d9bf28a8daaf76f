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
 * the steps before it, and the progress listener. Each step of a run has its own context, over what the run shares
 * (clients, the PCC and the VM selection read once); it records that step's changes and outputs.
 */
public final class StepContext {
  private final Run run;
  private final String step;
  private final Speculation.Turn turn;
  private final List<String> changes = new ArrayList<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();

  public StepContext(EncryptionSettings settings, Supplier<OvhApi> ovh, Supplier<VimClient> vcenter,
      ProgressListener listener) {
    this(settings, ovh, vcenter, listener, Poller.standard());
  }

  public StepContext(EncryptionSettings settings, Supplier<OvhApi> ovh, Supplier<VimClient> vcenter,
      ProgressListener listener, Poller poller) {
    this(new Run(settings, new Lazy<>(ovh, "the OVHcloud API"), new Lazy<>(vcenter, "vCenter"), listener, poller),
        "", Speculation.current(listener));
  }

  private StepContext(Run run, String step, Speculation.Turn turn) {
    this.run = run;
    this.step = step;
    this.turn = turn;
  }

  /** The context of one step of this run, in {@code turn}. */
  StepContext forStep(String name, Speculation.Turn turn) {
    return new StepContext(run, name, turn);
  }

  public EncryptionSettings settings() {
    return run.settings;
  }

  public boolean plan() {
    return run.settings.plan;
  }

  public OkmsApi okms() {
    return new OkmsApi(run.ovh.get());
  }

  public OrderApi orders() {
    return new OrderApi(run.ovh.get());
  }

  public PccApi pcc() {
    return new PccApi(run.ovh.get());
  }

  public IamApi iam() {
    return new IamApi(run.ovh.get());
  }

  public VimClient vcenter() {
    return run.vcenter.get();
  }

  /** Opens the vCenter session now, ahead of the step that needs it; whoever asks for it next hears any failure. */
  void connectVcenterAhead() {
    try {
      run.vcenter.get();
    } catch (RuntimeException e) {
      // kept by the run: the first step that needs vCenter reports it
    }
  }

  /** The VMs this run is about, read once per run (in pages) and kept: one inventory sweep per run. */
  public List<VmState> selectedVms() {
    synchronized (run.selectionLock) {
      if (run.selectedVms == null) {
        run.selectedVms = VmSelection.select(this, true);
      }
      return run.selectedVms;
    }
  }

  /**
   * The VMs this run is about, to be judged only: read as {@link #selectedVms()} (and the same VMs, when a step of
   * this run read them already), but each without its devices as read, so that a gate over 100,000 VMs keeps a few
   * hundred bytes per VM.
   */
  public List<VmState> vmsToJudge() {
    synchronized (run.selectionLock) {
      return run.selectedVms != null ? run.selectedVms : VmSelection.select(this, false);
    }
  }

  /** The PCC named by {@code pccServiceName}, read once per run. */
  public PccApi.DedicatedCloud dedicatedCloud() {
    synchronized (run.pccLock) {
      if (run.dedicatedCloud == null) {
        String serviceName = run.settings.pccServiceName;
        try {
          run.dedicatedCloud = pcc().dedicatedCloud(serviceName);
        } catch (OvhApiException e) {
          if (e.isNotFound()) {
            throw new ConfigurationException(SettingNames.PCC_SERVICE_NAME, "'" + serviceName + "' is no Hosted"
                + " Private Cloud of this account: check the service name in the Control Panel");
          }
          throw e;
        }
      }
      return run.dedicatedCloud;
    }
  }

  /**
   * Records a change of the running step and tells whether to make it: true in a real run, false in plan mode (where
   * the step must stop short of anything that depends on the change). A step that read ahead of its turn first
   * waits for it.
   */
  public boolean change(String description) {
    turn.awaitChange();
    synchronized (changes) {
      changes.add(description);
    }
    turn.on(new ProgressEvent.Changed(step, description, run.settings.plan));
    return !run.settings.plan;
  }

  public void info(String message) {
    turn.on(new ProgressEvent.Info(step, message));
  }

  public void warn(String message) {
    turn.on(new ProgressEvent.Warning(step, message));
  }

  /** Waits with the product's polling pace, reporting progress, up to the {@code timeout} setting. */
  public <T> T await(String what, Supplier<Optional<T>> check) {
    return run.poller.until(what, run.settings.timeout, () -> {
      turn.checkCurrent();
      return check.get();
    }, waiting(what));
  }

  /** A progress callback for waits done elsewhere (vCenter tasks). */
  public Consumer<Duration> waiting(String what) {
    return elapsed -> {
      turn.checkCurrent();
      turn.on(new ProgressEvent.Waiting(step, what, elapsed));
    };
  }

  /**
   * An output of this step or of a step before it. A step that reads ahead of its turn waits, for an output not known
   * yet, until a step before it sets it, or until they all ended.
   */
  public Optional<String> output(String name) {
    return turn.awaitOutput(() -> ownOutput(name).or(() -> turn.earlierOutput(name)).or(() -> {
      synchronized (run.outputs) {
        return Optional.ofNullable(run.outputs.get(name));
      }
    }));
  }

  public void put(String name, String value) {
    if (value != null) {
      synchronized (outputs) {
        outputs.put(name, value);
      }
      turn.outputSet();
    }
  }

  /** Every output so far, of the steps before this one and of this one. */
  public Map<String, String> outputs() {
    Map<String, String> all;
    synchronized (run.outputs) {
      all = new LinkedHashMap<>(run.outputs);
    }
    synchronized (outputs) {
      all.putAll(outputs);
    }
    return Map.copyOf(all);
  }

  ProgressListener listener() {
    return turn;
  }

  /** Who hears the run's events, each step's in its turn. */
  ProgressListener runListener() {
    return run.listener;
  }

  Speculation.Turn turn() {
    return turn;
  }

  /** This step's changes so far. */
  List<String> changes() {
    synchronized (changes) {
      return List.copyOf(changes);
    }
  }

  /** Keeps this step's outputs for the steps after it. */
  void keepOutputs() {
    Map<String, String> mine;
    synchronized (outputs) {
      mine = new LinkedHashMap<>(outputs);
    }
    synchronized (run.outputs) {
      run.outputs.putAll(mine);
    }
  }

  /** Closes the clients this run opened. */
  public void close() {
    run.vcenter.ifOpened(VimClient::close);
    run.ovh.ifOpened(OvhApi::close);
  }

  /** An output this step set. */
  Optional<String> ownOutput(String name) {
    synchronized (outputs) {
      return Optional.ofNullable(outputs.get(name));
    }
  }

  /** What the steps of one run share. */
  private static final class Run {
    private final EncryptionSettings settings;
    private final Lazy<OvhApi> ovh;
    private final Lazy<VimClient> vcenter;
    private final ProgressListener listener;
    private final Poller poller;
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final Object selectionLock = new Object();
    private final Object pccLock = new Object();
    private List<VmState> selectedVms;
    private PccApi.DedicatedCloud dedicatedCloud;

    Run(EncryptionSettings settings, Lazy<OvhApi> ovh, Lazy<VimClient> vcenter, ProgressListener listener,
        Poller poller) {
      this.settings = settings;
      this.ovh = ovh;
      this.vcenter = vcenter;
      this.listener = listener;
      this.poller = poller;
    }
  }

  private static final class Lazy<T> {
    private final Supplier<T> factory;
    private final String what;
    private T value;
    private RuntimeException failure;

    Lazy(Supplier<T> factory, String what) {
      this.factory = factory;
      this.what = what;
    }

    /** The client, opened at the first call; a failure to open it is kept, so that no step tries again. */
    synchronized T get() {
      if (failure != null) {
        throw failure;
      }
      if (value == null) {
        if (factory == null) {
          throw new StepException("this step needs " + what + ", and no connection to it was configured");
        }
        try {
          value = factory.get();
        } catch (RuntimeException e) {
          failure = e; // a refused login tried again by every step would count as many failed logins
          throw e;
        }
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
