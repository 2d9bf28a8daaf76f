package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.ALLOW_EMPTY_SELECTION;
import static io.github.okmsvm.core.config.SettingNames.ALLOW_POWER_OFF;
import static io.github.okmsvm.core.config.SettingNames.DEEP_REKEY;
import static io.github.okmsvm.core.config.SettingNames.PARALLELISM;
import static io.github.okmsvm.core.config.SettingNames.PARTIAL;
import static io.github.okmsvm.core.config.SettingNames.PROVIDER_NAME;
import static io.github.okmsvm.core.config.SettingNames.REGION;
import static io.github.okmsvm.core.config.SettingNames.SHUTDOWN_TIMEOUT_SECONDS;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_API;
import static io.github.okmsvm.core.config.SettingNames.VMS;
import static io.github.okmsvm.core.config.SettingNames.VM_FOLDER;

import io.github.okmsvm.core.common.Words;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Re-key and provider migration: the selected VMs' keys replaced by new keys of the target key provider
 * ({@code providerName}, else {@code okms-<region>} as vcenterTrustOkms names it), home and every disk. Shallow by
 * default (a new key-encryption key: the VM may run; also how a VM moves from another provider, another OKMS region
 * or a native key provider); deep ({@code deepRekey}: new data keys, the disks rewritten) only with the VM off, which
 * a running VM is only with {@code allowPowerOff}, never left off ({@link PowerCycle}).
 *
 * <p>A VM whose keys are all on the target provider and available from its KMS is left alone, so a re-run converges.
 * The VMs go in waves of {@code parallelism}; each wave is verified (every key the new one, on the target provider,
 * available in its KMS) before the next starts, and a wave with a failure stops the run, leaving the later waves as
 * they were.
 */
public final class VcenterRekeyVmTask implements GuideStep {
  @Override
  public String name() {
    return "vcenterRekeyVm";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(VMS, VM_FOLDER, ALLOW_EMPTY_SELECTION, ALLOW_POWER_OFF, PARTIAL,
        SHUTDOWN_TIMEOUT_SECONDS, PARALLELISM, PROVIDER_NAME, REGION, DEEP_REKEY), VCENTER_API);
  }

  /** What a VM needs, decided once from what the run read. */
  private enum Need { NOTHING, REKEY, POWER_ON }

  private record Decision(VmState vm, Need need, String why) {}

  /** What preflight asked vCenter: for each key of the selected VMs, whether its KMS has it now. */
  private Map<VmState.CryptoKey, CryptoManager.KeyStatus> keyStatuses;

  @Override
  public void validate(EncryptionSettings settings) {
    Checks.all(settings::validateVcenter, settings::validateVms, () -> target(settings));
  }

  /** The key provider to re-key to. */
  static String target(EncryptionSettings settings) {
    if (settings.providerName != null) {
      return settings.providerName;
    }
    if (settings.region == null) {
      throw new ConfigurationException(PROVIDER_NAME, "is missing: give the key provider to re-key to, as vCenter"
          + " names it (vcenterTrustOkms names it okms-<region>), or the region of its OKMS");
    }
    return "okms-" + settings.region;
  }

  /**
   * The target provider must be in vCenter and every selected VM re-keyable (encrypted; for a deep re-key off, or
   * allowed to be powered off, and without snapshots) before any VM is touched, unless {@code partial}.
   */
  @Override
  public void preflight(StepContext context) {
    String target = target(context.settings());
    CryptoManager crypto = new CryptoManager(context.vcenter());
    List<String> providers = crypto.listKmipServers().stream().map(CryptoManager.KeyProvider::id).toList();
    if (!providers.contains(target)) {
      throw new StepException("key provider " + target + " is not in vCenter (it has " + (providers.isEmpty()
          ? "none" : String.join(", ", providers)) + "): run vcenterTrustOkms (okms:trust) for it first, or give"
          + " the providerName vCenter shows");
    }
    keyStatuses = crypto.queryCryptoKeyStatus(context.selectedVms().stream().flatMap(vm -> vm.keys().stream())
        .distinct().toList());
    VmSelection.refuseAnyUnlessPartial(context, vm -> refusal(context.settings(), vm, target), "re-key", "re-keyed");
  }

  @Override
  public String run(StepContext context) {
    EncryptionSettings settings = context.settings();
    String target = target(settings);
    String depth = settings.deepRekey ? "deep" : "shallow";
    List<String> problems = new ArrayList<>();
    List<Decision> work = new ArrayList<>();
    List<String> planned = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (VmState vm : context.selectedVms()) {
      String refusal = refusal(settings, vm, target);
      Decision decision = refusal == null ? decide(vm, target) : null;
      if (refusal != null) {
        problems.add(refusal);
      } else if (decision.need() == Need.NOTHING) {
        unchanged.add(vm.name());
      } else if (context.change(decision.need() == Need.POWER_ON
          ? (vm.poweredOn() ? "clear the power-off mark of VM " + vm.name() : "power VM " + vm.name() + " on again")
              + " (left by an earlier run: " + vm.poweredOffMarker() + ")"
          : depth + " re-key of VM " + vm.name() + " (home and " + Words.count(vm.disks().size(), "disk")
              + ") to key provider " + target + ": " + decision.why()
              + (settings.deepRekey && vm.poweredOn() ? ", shutting it down and powering it on again"
                  : vm.leftPoweredOff() ? ", then powering it on again (left off by an earlier run)" : ""))) {
        work.add(decision);
      } else if (decision.need() == Need.REKEY) {
        planned.add(vm.name());
      }
    }
    List<String> rekeyed = new ArrayList<>();
    runInWaves(context, target, work, rekeyed, unchanged, problems);
    context.put(Outputs.REKEYED_VMS, String.join(",", context.plan() ? planned : rekeyed));
    context.put(Outputs.UNCHANGED_VMS, String.join(",", unchanged));
    if (!problems.isEmpty()) {
      throw new StepException(problems.size() + " of " + context.selectedVms().size() + " VMs not re-keyed: "
          + String.join("; ", problems));
    }
    return (context.plan() ? "would re-key (" + depth + ") " + Words.count(planned.size(), "VM")
        : "re-keyed (" + depth + ") " + Words.count(rekeyed.size(), "VM")) + " to " + target + ", "
        + unchanged.size() + " already on it";
  }

  /** Why a VM must be left alone, or null; a VM already on {@code target} is refused nothing. */
  private String refusal(EncryptionSettings settings, VmState vm, String target) {
    if (!vm.fullyEncrypted()) {
      return "VM " + vm.name() + " is not encrypted (" + vm.encryptionGaps(null).stream().map(VmState.Gap::text)
          .reduce((a, b) -> a + ", " + b).orElse("") + "), and only an encrypted VM can be re-keyed: encrypt it"
          + " first with encrypt-vm (Jenkins: vcenterEncryptVm)";
    }
    if (!settings.deepRekey || decide(vm, target).need() != Need.REKEY) {
      return null;
    }
    if (vm.hasSnapshots()) {
      return "VM " + vm.name() + " has snapshots, and vCenter cannot deep re-key a VM with snapshots: delete or"
          + " consolidate them, or re-key it shallow (deepRekey=false)";
    }
    if (vm.poweredOn() && !settings.allowPowerOff) {
      return "VM " + vm.name() + " is powered on, and a deep re-key needs it off: set allowPowerOff=true to let the"
          + " step shut it down and power it on again, power it off yourself, or re-key it shallow (deepRekey=false)";
    }
    return null;
  }

  /** Whether {@code vm}'s keys are all of {@code target} and available; if not, why it is re-keyed. */
  private Decision decide(VmState vm, String target) {
    List<String> elsewhere = vm.keys().stream().map(VmState.CryptoKey::providerId)
        .filter(provider -> !target.equals(provider)).distinct().toList();
    if (!elsewhere.isEmpty()) {
      return new Decision(vm, Need.REKEY, "its keys are on key provider " + String.join(", ", elsewhere.stream()
          .map(String::valueOf).toList()));
    }
    Optional<CryptoManager.KeyStatus> unavailable = vm.keys().stream()
        .map(key -> keyStatuses.getOrDefault(key, new CryptoManager.KeyStatus(key, false, "not reported")))
        .filter(status -> !status.available()).findFirst();
    if (unavailable.isPresent()) {
      return new Decision(vm, Need.REKEY, "its key " + unavailable.get().key().keyId() + " is not available ("
          + unavailable.get().reason() + ")");
    }
    return new Decision(vm, vm.leftPoweredOff() ? Need.POWER_ON : Need.NOTHING, null);
  }

  /**
   * Re-keys {@code work} in waves of {@code parallelism}, verifying each wave before the next; a wave with a failure
   * is the last. An abort lets the VMs in flight finish (and run again), and starts no other.
   */
  private void runInWaves(StepContext context, String target, List<Decision> work, List<String> rekeyed,
      List<String> unchanged, List<String> problems) {
    if (work.isEmpty()) {
      return;
    }
    int parallelism = context.settings().parallelism;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, work.size())),
        runnable -> {
          Thread thread = new Thread(runnable, "okms-rekey-vm");
          thread.setDaemon(true);
          return thread;
        });
    try {
      for (int start = 0; start < work.size(); start += parallelism) {
        List<Decision> wave = work.subList(start, Math.min(work.size(), start + parallelism));
        int number = start / parallelism + 1;
        context.info("wave " + number + ": " + String.join(", ", wave.stream().map(d -> d.vm().name()).toList()));
        Map<Decision, Future<Optional<VmState.CryptoKey>>> running = new LinkedHashMap<>();
        wave.forEach(decision -> running.put(decision, pool.submit(() -> apply(context, target, decision))));
        Map<VmState, VmState.CryptoKey> done = new LinkedHashMap<>();
        int failed = 0;
        for (Map.Entry<Decision, Future<Optional<VmState.CryptoKey>>> entry : running.entrySet()) {
          VmState vm = entry.getKey().vm();
          try {
            Optional<VmState.CryptoKey> key = entry.getValue().get();
            if (key.isPresent()) {
              done.put(vm, key.get());
            } else {
              unchanged.add(vm.name());
            }
          } catch (ExecutionException e) {
            failed++;
            problems.add(vm.name() + ": " + KeyProviderRefusal.withFix(e.getCause().getMessage()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.values().forEach(future -> future.cancel(false));
            throw new StepException("interrupted while re-keying VMs: the VMs already being re-keyed were finished"
                + " and run again; the others were not touched");
          }
        }
        List<String> unverified = verify(context, target, done);
        done.keySet().stream().map(VmState::name).filter(name -> unverified.stream()
            .noneMatch(problem -> problem.startsWith(name + ": "))).forEach(rekeyed::add);
        problems.addAll(unverified);
        int left = work.size() - start - wave.size();
        if ((failed > 0 || !unverified.isEmpty()) && left > 0) {
          problems.add("wave " + number + " failed, so the " + Words.count(left, "VM") + " of the later waves "
              + "were not touched: " + String.join(", ", work.subList(start + wave.size(), work.size()).stream()
                  .map(d -> d.vm().name()).toList()));
          break;
        }
      }
    } finally {
      pool.shutdown();
      PowerCycle.awaitInFlight(pool, context.settings().timeout.plus(context.settings().shutdownTimeout));
    }
  }

  /** Does what {@code decision} says; the new key, or empty when another run did the work. */
  private static Optional<VmState.CryptoKey> apply(StepContext context, String target, Decision decision) {
    VmState vm = decision.vm();
    PowerCycle power = new PowerCycle(context);
    if (decision.need() == Need.POWER_ON) {
      power.runAgain(vm);
      return Optional.empty();
    }
    VirtualMachines vms = new VirtualMachines(context.vcenter());
    boolean deep = context.settings().deepRekey;
    VmState.CryptoKey key = new CryptoManager(context.vcenter()).generateKey(target);
    try {
      if (deep) {
        power.whileOff(vm, "re-key", current -> vms.recrypt(current, key, true, context.settings().timeout,
            context.waiting("re-keying " + vm.name())));
      } else {
        vms.recrypt(vm, key, false, context.settings().timeout, context.waiting("re-keying " + vm.name()));
      }
    } catch (VimFault e) {
      if (!"ConcurrentAccess".equals(e.faultName())) {
        throw e;
      }
      // another run changed the VM since this one read it: it is re-keying it, so wait for it rather than act twice
      context.warn("another run is working on VM " + vm.name() + ": waiting for it rather than acting twice");
      context.await("VM " + vm.name() + " to be re-keyed by another run", () -> {
        VmState now = vms.read(vm.ref());
        return now.keys().stream().allMatch(k -> target.equals(k.providerId())) && !now.leftPoweredOff()
            ? Optional.of(now) : Optional.empty();
      });
      return Optional.empty();
    }
    return Optional.of(key);
  }

  /**
   * Each re-keyed VM, read again: home and every disk on the new key of the target provider, available from its KMS
   * (one QueryCryptoKeyStatus for the wave). The problems, each starting with the VM's name.
   */
  private static List<String> verify(StepContext context, String target, Map<VmState, VmState.CryptoKey> done) {
    List<String> problems = new ArrayList<>();
    if (done.isEmpty()) {
      return problems;
    }
    VirtualMachines vms = new VirtualMachines(context.vcenter());
    Map<VmState.CryptoKey, CryptoManager.KeyStatus> statuses = new CryptoManager(context.vcenter())
        .queryCryptoKeyStatus(List.copyOf(done.values()));
    done.forEach((vm, key) -> {
      VmState after = vms.read(vm.ref());
      List<String> wrong = new ArrayList<>();
      if (after.homeKey() == null || !after.homeKey().equals(key)) {
        wrong.add("its home has key " + after.homeKey());
      }
      after.disks().stream().filter(disk -> !key.equals(disk.cryptoKey()))
          .forEach(disk -> wrong.add(disk.label() + " has key " + disk.cryptoKey()));
      CryptoManager.KeyStatus status = statuses.get(key);
      if (status == null || !status.available()) {
        wrong.add("the new key " + key.keyId() + " is not available from " + target + " ("
            + (status == null ? "not reported" : status.reason()) + ")");
      }
      if (after.leftPoweredOff()) {
        wrong.add("it is still marked powered off (" + after.poweredOffMarker() + ")");
      }
      if (!wrong.isEmpty()) {
        problems.add(vm.name() + ": re-keyed, but " + String.join(", ", wrong));
      }
    });
    return problems;
  }
}
