package io.github.okmsvm.benchmark;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.report.ComplianceReport;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.PropertyCollector;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.sandbox.OkmsSandbox;
import io.github.okmsvm.sandbox.RequestCounters;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what DESIGN §10 requires, against the sandbox, and prints one Markdown table. Each figure is the median
 * of several runs after a warm-up, unless the row says otherwise.
 */
public final class Benchmarks {
  private static final String PCC = "pcc-198-51-100-1";
  private static final Set<String> VCENTER_WRITES = Set.of("RegisterKmipServer", "UploadKmipServerCert",
      "GenerateClientCsr", "UpdateKmsSignedCsrClientCert", "MarkDefault", "RemoveKmipServer", "PbmCreate",
      "ReconfigVM_Task", "PowerOffVM_Task", "PowerOnVM_Task", "ShutdownGuest");

  private final List<String> rows = new ArrayList<>();

  /**
   * Every measurement; with arguments, only those named: compliance, latency, govc, rerun, order, encryption,
   * polling.
   */
  public static void main(String[] args) throws java.io.IOException, InterruptedException {
    Set<String> only = Set.of(args);
    Benchmarks benchmarks = new Benchmarks();
    if (only.isEmpty() || only.contains("compliance")) {
      benchmarks.compliance(10_000, 2);
    }
    if (only.isEmpty() || only.contains("latency")) {
      benchmarks.complianceAtLatency(10_000, 100_000, 2, Duration.ofMillis(25), 400);
    }
    if (only.isEmpty() || only.contains("govc")) {
      benchmarks.besideGovc(10_000, 2, Duration.ofMillis(25));
    }
    if (only.isEmpty() || only.contains("rerun")) {
      benchmarks.convergedRerun(10, Duration.ofMillis(25), true);
      benchmarks.convergedRerun(1_000, Duration.ofMillis(25), false);
    }
    if (only.isEmpty() || only.contains("order")) {
      benchmarks.firstOrder(5_000);
    }
    if (only.isEmpty() || only.contains("encryption")) {
      benchmarks.parallelEncryption(200, Duration.ofMillis(500), 4);
    }
    if (only.isEmpty() || only.contains("polling")) {
      for (Duration task : List.of(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(12))) {
        benchmarks.polling(task);
      }
    }
    benchmarks.print();
  }

  private void row(String measurement, String ours, String baseline, String ratio, String requirement,
      boolean met) {
    rows.add("| " + String.join(" | ", measurement, ours, baseline, ratio, requirement, met ? "met" : "NOT MET")
        + " |");
  }

  /** A measurement shown for what it tells, with no requirement to meet. */
  private void info(String measurement, String ours, String baseline, String ratio, String requirement) {
    rows.add("| " + String.join(" | ", measurement, ours, baseline, ratio, requirement, "") + " |");
  }

  private void print() {
    System.out.println();
    System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap, Java "
        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch"));
    System.out.println();
    System.out.println("| measurement | okms-vm-encryption | baseline | ratio | requirement (DESIGN §10) | |");
    System.out.println("|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  /** Compliance over {@code vms} VMs: paged PropertyCollector against one call per VM, in the same run. */
  private void compliance(int vms, int disks) {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vms(vms, disks).start();
        VimClient vim = connect(sandbox)) {
      VirtualMachines machines = new VirtualMachines(vim);
      machines.list(null, 1000); // warm-up
      long[] times = new long[3];
      long roundTrips = 0;
      long peak = 0;
      int judged = 0;
      for (int i = 0; i < times.length; i++) {
        long before = calls(vim, "RetrievePropertiesEx", "ContinueRetrievePropertiesEx");
        resetPeak();
        long started = System.nanoTime();
        List<VmState> states = machines.list(null, 1000);
        judged = ComplianceReport.judge("bench", "bench", null, 0, states).vms().size();
        times[i] = System.nanoTime() - started;
        peak = Math.max(peak, peakHeap());
        roundTrips = calls(vim, "RetrievePropertiesEx", "ContinueRetrievePropertiesEx") - before;
      }
      long ours = median(times);

      long before = calls(vim, "RetrievePropertiesEx", "ContinueRetrievePropertiesEx");
      resetPeak();
      long started = System.nanoTime();
      PropertyCollector collector = new PropertyCollector(vim);
      List<PropertyCollector.ObjectContent> refs = collector.retrieveAll(vim.serviceContent().rootFolder(),
          "VirtualMachine", List.of("name"), 1000);
      List<VmState> perVm = new ArrayList<>();
      for (PropertyCollector.ObjectContent ref : refs) {
        perVm.add(machines.read(ref.ref())); // the N+1 pattern: one round trip per VM
      }
      ComplianceReport.judge("bench", "bench", null, 0, perVm);
      long baseline = System.nanoTime() - started;
      long baselinePeak = peakHeap();
      long baselineTrips = calls(vim, "RetrievePropertiesEx", "ContinueRetrievePropertiesEx") - before;

      row("compliance of " + judged + " VMs × " + disks + " disks: PropertyCollector round trips",
          Long.toString(roundTrips), Long.toString(baselineTrips) + " (one per VM)",
          String.format("%.0f× fewer", (double) baselineTrips / roundTrips), "bounded (paged)",
          roundTrips <= (vms + 999) / 1000);
      row("compliance of " + judged + " VMs: wall time (median of 3)", millis(ours), millis(baseline) + " (1 run)",
          String.format("%.1f× faster", (double) baseline / ours), "side by side with N+1", ours < baseline);
      row("compliance of " + judged + " VMs: peak heap (client and in-process sandbox)", mib(peak),
          mib(baselinePeak), String.format("%.2f", (double) peak / Math.max(1, baselinePeak)), "reported", true);
    }
  }

  /**
   * One compliance sweep as the gate reads it, timed, with its round trips, the client's peak heap growth (what the
   * JVM needed, garbage of the pages included) and what it retained (the VMs and the report, after a GC).
   */
  private record Sweep(long nanos, long roundTrips, long heapGrowth, long retained) {}

  private static Sweep sweep(VimClient vim) {
    long before = calls(vim, "RetrievePropertiesEx", "ContinueRetrievePropertiesEx");
    resetPeak();
    long used = usedHeap();
    long started = System.nanoTime();
    List<VmState> states = new ArrayList<>();
    new VirtualMachines(vim).each(null, 1000, false, states::add); // as the gate reads them
    ComplianceReport report = ComplianceReport.judge("bench", "bench", null, 0, states);
    long nanos = System.nanoTime() - started;
    long peak = peakHeap() - used;
    System.gc();
    long retained = usedHeap() - used;
    java.lang.ref.Reference.reachabilityFence(states);
    java.lang.ref.Reference.reachabilityFence(report);
    return new Sweep(nanos, calls(vim, "RetrievePropertiesEx", "ContinueRetrievePropertiesEx") - before, peak,
        retained);
  }

  /** The median (by time) of three sweeps after a warm-up. */
  private static Sweep medianSweep(VimClient vim) {
    sweep(vim);
    List<Sweep> sweeps = new ArrayList<>(List.of(sweep(vim), sweep(vim), sweep(vim)));
    sweeps.sort(java.util.Comparator.comparingLong(Sweep::nanos));
    return sweeps.get(1);
  }

  /**
   * Compliance with the sandbox in another process answering each call after {@code latency}, as a vCenter that far
   * away, for {@code vms} and {@code manyVms} VMs: against the N+1 baseline (one call per VM, timed on {@code sample}
   * VMs and scaled to all) and against the physical limit, round trips × latency plus the same sweep's time without
   * latency (the sandbox's and the client's own processing, measured in the same run); and the client's heap, with
   * the gate of {@code manyVms} VMs run again in a JVM capped at 512 MiB.
   */
  private void complianceAtLatency(int vms, int manyVms, int disks, Duration latency, int sample)
      throws java.io.IOException, InterruptedException {
    String at = latency.toMillis() + " ms per call, sandbox in another process";
    Map<Integer, Sweep> sweeps = new java.util.TreeMap<>();
    String capped = "";
    for (int count : List.of(vms, manyVms)) {
      String heap = count > 50_000 ? "8g" : "4g";
      Sweep unhindered;
      try (SandboxProcess near = new SandboxProcess(count, disks, Duration.ZERO, heap);
          VimClient vim = near.connect()) {
        unhindered = medianSweep(vim);
      }
      Sweep ours;
      long baseline;
      try (SandboxProcess far = new SandboxProcess(count, disks, latency, heap)) {
        try (VimClient vim = far.connect()) {
          ours = medianSweep(vim);
          baseline = nPlusOne(vim, sample);
        }
        if (count == manyVms) {
          capped = far.sweepWithHeap("512m");
        }
      }
      sweeps.put(count, ours);
      long limit = ours.roundTrips() * latency.toNanos() + unhindered.nanos();
      row("compliance of " + count + " VMs × " + disks + " disks at " + at + ": wall time (median of 3)",
          millis(ours.nanos()) + " (" + ours.roundTrips() + " round trips)", millis(baseline) + " (N+1: "
              + (count + count / 1000) + " round trips; timed on " + sample + " VMs, scaled)",
          String.format("%.0f× faster", (double) baseline / ours.nanos()), "at least 100× faster than N+1",
          baseline >= 100 * ours.nanos());
      row("compliance of " + count + " VMs at " + at + ": against the physical limit", millis(ours.nanos()),
          millis(limit) + " (" + ours.roundTrips() + " × " + latency.toMillis() + " ms + "
              + millis(unhindered.nanos()) + " for the same sweep without latency)",
          String.format("%.2f×", (double) ours.nanos() / limit), "within 1.5× the physical limit",
          ours.nanos() <= limit * 3 / 2);
    }
    Sweep few = sweeps.get(vms);
    Sweep many = sweeps.get(manyVms);
    row("compliance at " + at + ": the client's peak heap growth, " + vms + " and " + manyVms + " VMs; the gate"
        + " of " + manyVms + " VMs in a JVM capped at -Xmx512m", mib(few.heapGrowth()) + " and "
        + mib(many.heapGrowth()) + "; capped: " + capped, "", "", "under 512 MiB at " + manyVms + " VMs",
        capped.equals("judged " + manyVms));
    long perVm = (many.retained() - few.retained()) / (manyVms - vms);
    row("compliance at " + at + ": what the client keeps (VMs read and report, after a GC), " + vms + " and "
        + manyVms + " VMs", mib(few.retained()) + " and " + mib(many.retained()), "", perVm + " bytes per VM",
        "a few hundred bytes per VM", perVm < 1000);
  }

  /** The N+1 pattern's time for every VM: the listing, then one round trip per VM, timed on {@code sample}. */
  private static long nPlusOne(VimClient vim, int sample) {
    long started = System.nanoTime();
    List<PropertyCollector.ObjectContent> refs = new PropertyCollector(vim).retrieveAll(
        vim.serviceContent().rootFolder(), "VirtualMachine", List.of("name"), 1000);
    long listing = System.nanoTime() - started;
    VirtualMachines machines = new VirtualMachines(vim);
    started = System.nanoTime();
    for (PropertyCollector.ObjectContent ref : refs.subList(0, sample)) {
      machines.read(ref.ref());
    }
    return listing + (System.nanoTime() - started) / sample * refs.size();
  }

  /**
   * The same facts (every VM's name, home key and disks' keys) for {@code vms} VMs at {@code latency} per call, by
   * govc's most efficient way (one {@code object.collect} over a ContainerView of every VM) and by the gate, against
   * the same sandbox in one run: wall time (login included, for both) and vCenter round trips.
   */
  private void besideGovc(int vms, int disks, Duration latency) throws java.io.IOException, InterruptedException {
    Path govc = Path.of(".peers", "bin", "govc").toAbsolutePath();
    if (!Files.isExecutable(govc)) {
      govc = Path.of("..", ".peers", "bin", "govc").toAbsolutePath();
    }
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vms(vms, disks).start()) {
      sandbox.vcenterServer().latency(latency);
      Path trust = Files.createTempFile("okms-bench-trust", ".pem");
      Files.writeString(trust, sandbox.trustBundlePem());
      Path home = Files.createTempDirectory("okms-bench-govc");
      List<String> command = List.of(govc.toString(), "object.collect", "-json", "-type", "m", "/", "name",
          "config.keyId", "config.hardware.device");
      long govcTime = Long.MAX_VALUE;
      long govcTrips = 0;
      String output = "";
      boolean ran = Files.isExecutable(govc);
      for (int i = 0; ran && i < 3; i++) {
        long before = sandbox.vcenterServer().counters().total();
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("GOVC_URL", sandbox.vcenterUrl(), "GOVC_USERNAME",
            sandbox.vcenterUsername(), "GOVC_PASSWORD", sandbox.vcenterPassword().reveal(), "GOVC_TLS_CA_CERTS",
            trust.toString(), "GOVMOMI_HOME", home.toString()));
        Process process = builder.start();
        output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        ran = process.waitFor() == 0;
        long elapsed = System.nanoTime() - started;
        if (elapsed < govcTime) {
          govcTime = elapsed;
          govcTrips = sandbox.vcenterServer().counters().total() - before;
        }
      }
      long ours = Long.MAX_VALUE;
      long ourTrips = 0;
      long first = 0;
      // govc is a native binary; the gate runs in a JVM that a Jenkins controller keeps running: its first runs are
      // shown, and it is judged once the JIT has compiled it
      for (int i = 0; i < GATE_WARM_RUNS + 3; i++) {
        long before = sandbox.vcenterServer().counters().total();
        long started = System.nanoTime();
        StepContext context = new StepContext(EncryptionSettings.builder().vms(List.of("*")).build(), null,
            () -> connect(sandbox), event -> { });
        try {
          EncryptionFlow.run(EncryptionFlow.forCommand(Command.CHECK, true, null), context);
        } catch (RuntimeException notCompliant) {
          // the VMs are not encrypted: the gate fails, having read what it needs
        } finally {
          context.close();
        }
        long elapsed = System.nanoTime() - started;
        if (i == 0) {
          first = elapsed;
        }
        if (i >= GATE_WARM_RUNS && elapsed < ours) {
          ours = elapsed;
          ourTrips = sandbox.vcenterServer().counters().total() - before;
        }
      }
      // govc -json prints each VM's update with its reference, "type": "VirtualMachine"
      long govcVms = output.lines().filter(line -> line.contains("\"VirtualMachine\"")).count();
      row("the same facts (name, home and disk keys) of " + vms + " VMs at " + latency.toMillis() + " ms per call,"
          + " login included (best of 3; the gate after " + GATE_WARM_RUNS + " runs): okms:check against govc"
          + " object.collect -type m / name config.keyId config.hardware.device", millis(ours) + " (" + ourTrips
          + " round trips; its first run in this JVM: " + millis(first) + ")", ran ? millis(govcTime)
              + " (" + govcTrips + " round trips, " + govcVms + " VMs)" : "govc not found: .ci/run builds it", ran
              ? String.format("%.1f× faster", (double) govcTime / ours) : "", "at least as fast as govc",
          ran && govcVms == vms && ours <= govcTime);
    }
  }

  /** Runs of the gate before the timed ones: the first few in a JVM take up to several times as long (JIT). */
  private static final int GATE_WARM_RUNS = 8;

  /** Runs before the timed re-runs: the median falls until about the 50th run, as the JIT compiles their code. */
  private static final int WARM_RUNS = 50;

  /**
   * The longest chain of calls of a converged re-run where each call needs the answer of the one before: vCenter's
   * session (its service content, then the login), its key providers, the status of ours (a task), the task's result,
   * the logout. The OVHcloud side (its clock, the OKMS list that names the provider, the OKMS, the PCC's KMS entry) is
   * shorter and runs beside it.
   */
  private static final List<String> CRITICAL_PATH = List.of("RetrieveServiceContent", "Login", "ListKmipServers",
      "RetrieveKmipServersStatus_Task", "RetrievePropertiesEx", "Logout");

  /**
   * A converged re-run of the whole flow: reads and writes counted on the sandbox; then at {@code latency} per call on
   * both APIs, its wall time (median of 15, after 50 runs that let the JIT compile what a run goes through) against
   * its critical path and against the same reads one after another. Not {@code judged}: shown beside the time its
   * inventory sweep alone takes, whose processing grows with the VMs (the compliance rows judge sweeps at scale).
   */
  private void convergedRerun(int vms, Duration latency, boolean judged) {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().pcc(PCC).vms(vms, 2).start()) {
      sandbox.vcenterServer().taskDuration(Duration.ofMillis(10));
      EncryptionSettings settings = EncryptionSettings.builder().region("eu-west-rbx").order(true)
          .pccServiceName(PCC).vms(List.of("vm-*")).parallelism(16).timeout(Duration.ofMinutes(5)).build();
      run(sandbox, settings, event -> { });
      run(sandbox, settings, event -> { }); // warm-up
      sandbox.ovhApi().counters().reset();
      sandbox.vcenterServer().counters().reset();
      long started = System.nanoTime();
      run(sandbox, settings, event -> { });
      long elapsed = System.nanoTime() - started;
      long ovhWrites = sandbox.ovhApi().counters().writes();
      long ovhReads = sandbox.ovhApi().counters().total() - ovhWrites;
      long vcenterWrites = VCENTER_WRITES.stream().mapToLong(m -> sandbox.vcenterServer().counters().count(m)).sum();
      long vcenterReads = sandbox.vcenterServer().counters().total() - vcenterWrites;
      long pccReads = sandbox.ovhApi().counters().count("GET /v1/dedicatedCloud/{serviceName}");
      long sweeps = sandbox.vcenterServer().counters().count("CreateContainerView");
      row("converged re-run of the whole flow, " + vms + " VMs: writes", Long.toString(ovhWrites + vcenterWrites),
          "", "", "0", ovhWrites + vcenterWrites == 0);
      row("converged re-run of the whole flow, " + vms + " VMs: reads (OVHcloud + vCenter), PCC reads, inventory"
          + " sweeps, wall time", ovhReads + " + " + vcenterReads + ", " + pccReads + ", " + sweeps + ", "
          + millis(elapsed), "", "", "small, fixed whatever the VM count; one PCC read, one sweep",
          ovhReads + vcenterReads < 100 && pccReads == 1 && sweeps == 1);

      Sweep unhinderedSweep = null;
      if (!judged) {
        try (VimClient vim = connect(sandbox)) {
          unhinderedSweep = medianSweep(vim);
        }
      }
      sandbox.ovhApi().latency(latency);
      sandbox.vcenterServer().latency(latency);
      for (int i = 0; i < WARM_RUNS; i++) {
        run(sandbox, settings, event -> { });
      }
      long[] times = new long[15];
      long calls = 0;
      boolean overlapped = true;
      boolean pathTaken = true;
      for (int i = 0; i < times.length; i++) {
        sandbox.ovhApi().counters().reset();
        sandbox.vcenterServer().counters().reset();
        long start = System.nanoTime();
        run(sandbox, settings, event -> { });
        times[i] = System.nanoTime() - start;
        List<RequestCounters.Call> ovh = sandbox.ovhApi().counters().timeline();
        List<RequestCounters.Call> vcenter = sandbox.vcenterServer().counters().timeline();
        calls = ovh.size() + vcenter.size();
        overlapped &= overlap(ovh, vcenter);
        pathTaken &= CRITICAL_PATH.stream().allMatch(call -> sandbox.ovhApi().counters().count(call)
            + sandbox.vcenterServer().counters().count(call) > 0);
      }
      long wall = median(times);
      long path = CRITICAL_PATH.size() * latency.toNanos();
      long oneAfterAnother = calls * latency.toNanos();
      String measurement = "converged re-run of the whole flow, " + vms + " VMs, at " + latency.toMillis()
          + " ms per call (median of " + times.length + ", after " + WARM_RUNS + " warm-up runs): wall time, against"
          + " its critical path (" + CRITICAL_PATH.size() + " dependent calls: " + String.join(" → ", CRITICAL_PATH)
          + ")";
      String ours = millis(wall) + (overlapped ? " (OVHcloud and vCenter reads overlapping)"
          : " (OVHcloud and vCenter reads NOT overlapping)");
      String baseline = millis(oneAfterAnother) + " (" + calls + " calls one after another)";
      String ratio = String.format("%.2f× the critical path of %s", (double) wall / path, millis(path));
      if (judged) {
        row(measurement, ours, baseline, ratio, "≤ 1.3 × the critical path", pathTaken && overlapped
            && wall <= 1.3 * path);
      } else {
        info(measurement, ours, baseline, ratio, "none: its sweep of " + vms + " VMs alone takes "
            + millis(unhinderedSweep.nanos()) + " without latency, on a chain of 5 calls");
      }
    }
  }

  /** Whether some call of one side was received while the other side was between its first and its last call. */
  private static boolean overlap(List<RequestCounters.Call> one, List<RequestCounters.Call> other) {
    if (one.isEmpty() || other.isEmpty()) {
      return false;
    }
    long oneFirst = one.stream().mapToLong(RequestCounters.Call::receivedNanos).min().orElseThrow();
    long oneLast = one.stream().mapToLong(RequestCounters.Call::receivedNanos).max().orElseThrow();
    return other.stream().anyMatch(call -> call.receivedNanos() > oneFirst && call.receivedNanos() < oneLast);
  }

  /**
   * Ordering the OKMS on an account with {@code past} orders: the pending-order check asks the API for the last 30
   * days' orders only ({@code date.from}), against reading the whole history (the list, then each order).
   */
  private void firstOrder(int past) {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().pcc(PCC).start()) {
      sandbox.pastOrders(past);
      EncryptionSettings settings = EncryptionSettings.builder().region("eu-west-rbx").order(true)
          .timeout(Duration.ofMinutes(2)).build();
      sandbox.ovhApi().counters().reset();
      long started = System.nanoTime();
      StepContext context = new StepContext(settings, () -> ovh(sandbox), () -> connect(sandbox), event -> { });
      try {
        EncryptionFlow.run(EncryptionFlow.forCommand(Command.ORDER, false, null), context);
      } finally {
        context.close();
      }
      long elapsed = System.nanoTime() - started;
      long reads = sandbox.ovhApi().counters().total() - sandbox.ovhApi().counters().writes();
      long history;
      try (OvhApi ovh = ovh(sandbox)) {
        history = 1 + new OrderApi(ovh).orderIds().size();
      }
      row("ordering the OKMS on an account with " + past + " past orders: OVHcloud reads, wall time", reads + ", "
          + millis(elapsed), history + " (the whole history read)", String.format("%.0f× fewer",
          (double) history / reads), "bounded whatever the account's history", reads < 100);
    }
  }

  private static OvhApi ovh(OkmsSandbox sandbox) {
    return OvhApi.builder().endpoint(sandbox.ovhEndpoint()).credentials(sandbox.applicationKey())
        .sslContext(sandbox.clientSslContext()).build();
  }

  /** Encrypting {@code vms} VMs whose reconfigure task lasts {@code task}: parallel against sequential. */
  private void parallelEncryption(int vms, Duration task, int parallelism) {
    long parallel = encryptionTime(vms, task, parallelism);
    long sequential = encryptionTime(vms, task, 1);
    long bound = (long) Math.ceil((double) vms / parallelism) * task.toNanos();
    row("encrypting " + vms + " VMs, reconfigure task " + task.toMillis() + " ms, parallelism " + parallelism,
        millis(parallel), millis(sequential) + " (sequential)",
        String.format("%.1f× faster", (double) sequential / parallel),
        "close to ⌈N/p⌉ × task = " + millis(bound) + String.format(" (%.2f× the bound)", (double) parallel / bound),
        parallel < 1.5 * bound);
  }

  private long encryptionTime(int vms, Duration task, int parallelism) {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().pcc(PCC).existingOkms("eu-west-rbx").vms(vms, 2).start()) {
      sandbox.vcenterServer().taskDuration(Duration.ofMillis(10));
      EncryptionSettings.Builder settings = EncryptionSettings.builder().region("eu-west-rbx").pccServiceName(PCC)
          .timeout(Duration.ofMinutes(5));
      run(sandbox, settings.vms(List.of("none-*")).allowEmptySelection(true).build(), event -> { }); // steps 1-5
      sandbox.vcenterServer().taskDuration(task);
      AtomicLong step6 = new AtomicLong();
      run(sandbox, settings.vms(List.of("vm-*")).parallelism(parallelism).build(), event -> {
        if (event instanceof ProgressEvent.Finished finished && finished.step().equals("vcenterEncryptVm")) {
          step6.set(finished.duration().toNanos());
        }
      });
      return step6.get();
    }
  }

  /** How long after a task ends the waiting step notices it, for a task of {@code task}. */
  private void polling(Duration task) {
    try (OkmsSandbox sandbox = OkmsSandbox.builder().vm("probe", null, true, 1, false).start();
        VimClient vim = connect(sandbox)) {
      sandbox.vcenterServer().taskDuration(task);
      VirtualMachines machines = new VirtualMachines(vim);
      MoRef vm = machines.findByInventoryPath("DC0/vm/probe").orElseThrow();
      long[] delays = new long[3];
      for (int i = 0; i < delays.length; i++) {
        long started = System.nanoTime();
        if (i % 2 == 0) {
          machines.powerOff(vm, Duration.ofMinutes(2), elapsed -> { });
        } else {
          machines.powerOn(vm, Duration.ofMinutes(2), elapsed -> { });
        }
        delays[i] = System.nanoTime() - started - task.toNanos();
      }
      long delay = median(delays);
      long allowed = Math.max(Duration.ofSeconds(1).toNanos(), task.toNanos() / 10);
      row("polling: a " + task.toMillis() + " ms task noticed after (median of 3)", millis(delay), "", "",
          "≤ max(1 s, 10 % of the wait) = " + millis(allowed), delay <= allowed);
    }
  }

  private static void run(OkmsSandbox sandbox, EncryptionSettings settings,
      io.github.okmsvm.core.event.ProgressListener listener) {
    StepContext context = new StepContext(settings,
        () -> ovh(sandbox), () -> connect(sandbox), listener);
    try {
      EncryptionFlow.run(EncryptionFlow.steps(true), context);
    } finally {
      context.close();
    }
  }

  private static VimClient connect(OkmsSandbox sandbox) {
    return VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
        sandbox.vcenterTls(), Duration.ofSeconds(60), line -> { });
  }

  private static long calls(VimClient vim, String... methods) {
    return Arrays.stream(methods).mapToLong(vim::callCount).sum();
  }

  private static void resetPeak() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String millis(long nanos) {
    return nanos >= 10_000_000_000L ? String.format("%.1f s", nanos / 1e9) : (nanos / 1_000_000) + " ms";
  }

  private static String mib(long bytes) {
    return (bytes / (1024 * 1024)) + " MiB";
  }
}
