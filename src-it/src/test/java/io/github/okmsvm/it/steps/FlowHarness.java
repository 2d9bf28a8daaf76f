package io.github.okmsvm.it.steps;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.http.RetryPolicy;
import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.PccApi;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.StoragePolicies;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.wait.Poller;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A sandbox seeded for the flow, the settings a user would give, and the state to assert after a run. */
final class FlowHarness implements AutoCloseable {
  static final String PCC = "pcc-198-51-100-1";
  static final Set<String> VCENTER_WRITES = Set.of("RegisterKmipServer", "UploadKmipServerCert",
      "GenerateClientCsr", "UpdateKmsSignedCsrClientCert", "MarkDefault", "RemoveKmipServer", "PbmCreate",
      "ReconfigVM_Task", "PowerOffVM_Task", "PowerOnVM_Task", "ShutdownGuest", "GenerateKey");

  final OkmsSandbox sandbox;
  final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  final List<String> wireLog = new CopyOnWriteArrayList<>();
  private volatile boolean retries = true;

  private FlowHarness(OkmsSandbox sandbox) {
    this.sandbox = sandbox;
    sandbox.vcenterServer().taskDuration(Duration.ofMillis(20));
    sandbox.vcenterServer().guestShutdownDelay(Duration.ofMillis(100));
  }

  /** A PCC, no OKMS, and VMs: app-01 and app-02 (off), db-01 (off, two disks), web-01 (on), old-01 (snapshot). */
  static FlowHarness start() {
    return start(builder -> { });
  }

  static FlowHarness start(Consumer<OkmsSandbox.Builder> more) {
    OkmsSandbox.Builder builder = OkmsSandbox.builder().pcc(PCC)
        .vm("app-01", "prod", false, 1, false).vm("app-02", "prod", false, 1, false)
        .vm("db-01", "prod", false, 2, false).vm("web-01", "prod", true, 1, false)
        .vm("old-01", "test", false, 1, true);
    more.accept(builder);
    return new FlowHarness(builder.start());
  }

  /** Every change the steps of a run made (or, in a plan, would make), in order. */
  static List<String> changes(List<StepResult> results) {
    return results.stream().flatMap(result -> result.changes().stream()).toList();
  }

  EncryptionSettings.Builder settings() {
    return EncryptionSettings.builder().region("eu-west-rbx").order(true).pccServiceName(PCC)
        .vms(List.of("app-*", "db-01")).timeout(Duration.ofSeconds(60)).shutdownTimeout(Duration.ofSeconds(2));
  }

  OvhApi ovh() {
    OvhApi.Builder builder = OvhApi.builder().endpoint(sandbox.ovhEndpoint()).credentials(sandbox.applicationKey())
        .sslContext(sandbox.clientSslContext()).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
        .log(wireLog::add);
    return retries ? builder.build() : builder.retryPolicy(RetryPolicy.NONE).build();
  }

  VimClient vim() {
    return retries ? VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
        sandbox.vcenterTls(), Duration.ofSeconds(10), wireLog::add)
        : VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
            sandbox.vcenterTls(), Duration.ofSeconds(10), wireLog::add, RetryPolicy.NONE);
  }

  /** Switches the clients' retries off, to show that a test of faults fails without them. */
  FlowHarness withoutRetries() {
    retries = false;
    return this;
  }

  StepContext context(EncryptionSettings settings) {
    return new StepContext(settings, this::ovh, this::vim, events::add, new Poller(Duration.ofMillis(10),
        Duration.ofMillis(200)));
  }

  List<StepResult> run(EncryptionSettings settings) {
    return run(EncryptionFlow.steps(true), settings);
  }

  List<StepResult> run(List<GuideStep> steps, EncryptionSettings settings) {
    StepContext context = context(settings);
    try {
      return EncryptionFlow.run(steps, context);
    } finally {
      context.close();
    }
  }

  long ovhWrites() {
    return sandbox.ovhApi().counters().writes();
  }

  long vcenterWrites() {
    return VCENTER_WRITES.stream().mapToLong(method -> sandbox.vcenterServer().counters().count(method)).sum();
  }

  /** How many of each thing the flow must make exactly once. */
  record Inventory(int orders, int okms, int credentials, int kmsEntries, int iamPolicies, int keyProviders,
      int storagePolicies) {}

  Inventory inventory() {
    try (OvhApi ovh = ovh(); VimClient vim = vim()) {
      List<OkmsApi.Resource> okms = new OkmsApi(ovh).resources(null);
      int credentials = okms.stream().mapToInt(resource -> new OkmsApi(ovh).credentials(resource.id()).size()).sum();
      return new Inventory(new OrderApi(ovh).orderIds().size(), okms.size(), credentials,
          new PccApi(ovh).kmsIds(PCC).size(),
          (int) new IamApi(ovh).policies().stream().filter(p -> p.name().equals("okms-vm-encryption")).count(),
          new CryptoManager(vim).listKmipServers().size(),
          (int) new StoragePolicies(vim).retrieveContent(new StoragePolicies(vim).queryProfile("REQUIREMENT"))
              .stream().filter(p -> p.name().equals("okms-vm-encryption")).count());
    }
  }

  VmState vm(String name) {
    try (VimClient vim = vim()) {
      return new VirtualMachines(vim).findByName(name, 1000).orElseThrow();
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
