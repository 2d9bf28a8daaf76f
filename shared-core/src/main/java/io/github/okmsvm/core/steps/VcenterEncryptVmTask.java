package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.ALLOW_EMPTY_SELECTION;
import static io.github.okmsvm.core.config.SettingNames.ALLOW_POWER_OFF;
import static io.github.okmsvm.core.config.SettingNames.ENCRYPTED_VMOTION;
import static io.github.okmsvm.core.config.SettingNames.PARALLELISM;
import static io.github.okmsvm.core.config.SettingNames.PARTIAL;
import static io.github.okmsvm.core.config.SettingNames.PROVIDER_NAME;
import static io.github.okmsvm.core.config.SettingNames.SHUTDOWN_TIMEOUT_SECONDS;
import static io.github.okmsvm.core.config.SettingNames.STORAGE_POLICY_NAME;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_API;
import static io.github.okmsvm.core.config.SettingNames.VMS;
import static io.github.okmsvm.core.config.SettingNames.VM_FOLDER;

import io.github.okmsvm.core.common.Words;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Guide step 6: encrypt the selected VMs by applying the encryption storage policy to each VM's home and every disk.
 * A VM already encrypted is left alone; one with snapshots is refused; a powered-on one is refused unless
 * {@code allowPowerOff}, in which case it is shut down (guest first, hard power-off after {@code shutdownTimeout}),
 * encrypted and powered on again, never left off ({@link PowerCycle}; the gate fails on a VM left marked). Each VM is
 * verified after. At most {@code parallelism} VMs at a time.
 */
public final class VcenterEncryptVmTask implements GuideStep {
  @Override
  public String name() {
    return "vcenterEncryptVm";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(VMS, VM_FOLDER, ALLOW_EMPTY_SELECTION, ALLOW_POWER_OFF, PARTIAL, SHUTDOWN_TIMEOUT_SECONDS,
        PARALLELISM, PROVIDER_NAME, STORAGE_POLICY_NAME, ENCRYPTED_VMOTION), VCENTER_API);
  }

  private enum Result { ALREADY, ENCRYPTED, RESTORED, VMOTION, PLANNED }

  @Override
  public void validate(EncryptionSettings settings) {
    Checks.all(settings::validateVcenter, settings::validateVms);
  }

  /**
   * Every selected VM is judged before any is touched: when one must be refused (snapshots, powered on without
   * {@code allowPowerOff}), none is encrypted, unless {@code partial}.
   */
  @Override
  public void preflight(StepContext context) {
    VmSelection.refuseAnyUnlessPartial(context, vm -> refusal(context.settings(), vm), "encrypt", "encrypted");
  }

  @Override
  public String run(StepContext context) {
    Optional<String> policy = context.output(Outputs.STORAGE_POLICY_ID);
    if (policy.isEmpty() && !context.plan()) {
      throw new StepException("vcenterEncryptVm needs the encryption storage policy: run vcenterEncryptionPolicy"
          + " first");
    }
    List<VmState> vms = context.selectedVms();
    List<String> refusals = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> encrypted = new ArrayList<>();
    List<String> already = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(context.settings().parallelism,
        Math.max(1, vms.size())), runnable -> {
          Thread thread = new Thread(runnable, "okms-encrypt-vm");
          thread.setDaemon(true);
          return thread;
        });
    List<Future<Result>> results = new ArrayList<>();
    String vmotion = context.settings().encryptedVMotion;
    try {
      // Decide and record in selection order; only the work runs in parallel.
      for (VmState vm : vms) {
        String refusal = refusal(context.settings(), vm);
        if (refusal != null) {
          refusals.add(refusal);
          results.add(null);
        } else if (vm.fullyEncrypted() && !vm.leftPoweredOff() && !vm.vmotionGaps(vmotion).isEmpty()) {
          warnIfOtherProvider(context, vm);
          results.add(context.change("set encrypted vMotion of VM " + vm.name() + " to " + vmotion + " (it is "
              + vm.protection().migrateEncryption() + ")")
              ? pool.submit(() -> contended(context, vm, () -> encryptVmotion(context, vm, vmotion)))
              : CompletableFuture.completedFuture(Result.VMOTION));
        } else if (vm.fullyEncrypted() && !vm.leftPoweredOff()) {
          warnIfOtherProvider(context, vm);
          results.add(CompletableFuture.completedFuture(Result.ALREADY));
        } else if (vm.fullyEncrypted()) {
          results.add(context.change((vm.poweredOn() ? "clear the power-off mark of VM " : "power VM ") + vm.name()
              + (vm.poweredOn() ? "" : " on again") + " (left by an earlier run: " + vm.poweredOffMarker() + ")")
              ? pool.submit(() -> contended(context, vm, () -> restore(context, vm)))
              : CompletableFuture.completedFuture(Result.PLANNED));
        } else if (!context.change("encrypt VM " + vm.name() + " (home and "
            + Words.count(vm.disks().size(), "disk") + ")"
            + (vm.vmotionGaps(vmotion).isEmpty() ? "" : ", encrypted vMotion " + vmotion)
            + (vm.poweredOn() ? ", shutting it down and powering it on again" : vm.leftPoweredOff()
                ? ", then powering it on again (left off by an earlier run)" : ""))) {
          results.add(CompletableFuture.completedFuture(Result.PLANNED));
        } else {
          results.add(pool.submit(() -> contended(context, vm, () -> encrypt(context, vm, policy.orElseThrow()))));
        }
      }
      for (int i = 0; i < vms.size(); i++) {
        if (results.get(i) == null) {
          continue;
        }
        try {
          Result result = results.get(i).get();
          if (result == Result.ALREADY || result == Result.VMOTION) {
            already.add(vms.get(i).name());
          } else if (result != Result.RESTORED) {
            encrypted.add(vms.get(i).name());
          }
        } catch (ExecutionException e) {
          failures.add(vms.get(i).name() + ": " + KeyProviderRefusal.withFix(e.getCause().getMessage()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StepException("interrupted while encrypting VMs: the VMs already being encrypted were finished"
              + " and run again; the others were not touched");
        }
      }
    } finally {
      // An abort must not leave a VM off: the VMs in flight finish (never interrupted), the others do not start.
      results.stream().filter(Objects::nonNull).forEach(result -> result.cancel(false));
      pool.shutdown();
      PowerCycle.awaitInFlight(pool, context.settings().timeout.plus(context.settings().shutdownTimeout));
    }
    context.put(Outputs.ENCRYPTED_VMS, String.join(",", encrypted));
    context.put(Outputs.ALREADY_ENCRYPTED_VMS, String.join(",", already));
    if (!refusals.isEmpty() || !failures.isEmpty()) {
      List<String> problems = new ArrayList<>(refusals);
      problems.addAll(failures);
      throw new StepException(problems.size() + " of " + vms.size() + " VMs not encrypted: "
          + String.join("; ", problems));
    }
    return (context.plan() ? "would encrypt " : "encrypted ") + Words.count(encrypted.size(), "VM") + ", "
        + already.size()
        + " already encrypted";
  }

  /** Why a VM must be left alone, or null. */
  private static String refusal(EncryptionSettings settings, VmState vm) {
    if (vm.fullyEncrypted() || (vm.leftPoweredOff() && !vm.poweredOn() && !vm.hasSnapshots())) {
      return null;
    }
    if (vm.hasSnapshots()) {
      return "VM " + vm.name() + " has snapshots, and vCenter cannot encrypt a VM with snapshots: delete or"
          + " consolidate them, then run again";
    }
    if (vm.poweredOn() && !settings.allowPowerOff) {
      return "VM " + vm.name() + " is powered on: set allowPowerOff=true to let the step shut it down and power it"
          + " on again, or power it off yourself";
    }
    return null;
  }

  private static void warnIfOtherProvider(StepContext context, VmState vm) {
    String expectedProvider = context.output(Outputs.PROVIDER_NAME).orElse(context.settings().providerName);
    if (expectedProvider != null && !expectedProvider.equals(vm.homeKey().providerId())) {
      context.warn("VM " + vm.name() + " is encrypted with key provider " + vm.homeKey().providerId() + ", not "
          + expectedProvider + "; left as it is");
    }
  }

  /** Encrypts {@code vm}, off: powered off first when it runs, and on again after (see {@link PowerCycle}). */
  private static Result encrypt(StepContext context, VmState vm, String policy) {
    VirtualMachines vms = new VirtualMachines(context.vcenter());
    String vmotion = context.settings().encryptedVMotion;
    new PowerCycle(context).whileOff(vm, "encrypt", current -> vms.applyPolicy(current, policy,
        vm.vmotionGaps(vmotion).isEmpty() ? null : vmotion, context.settings().timeout,
        context.waiting("encrypting " + vm.name())));
    VmState after = vms.read(vm.ref());
    if (!after.fullyEncrypted()) {
      throw new StepException("VM " + vm.name() + " was reconfigured but is not encrypted (home "
          + (after.homeKey() == null ? "clear" : "encrypted") + ", " + after.disks().stream()
              .filter(disk -> disk.cryptoKey() == null).count() + " disks clear): check its storage policy in"
          + " vCenter");
    }
    return Result.ENCRYPTED;
  }

  /**
   * Runs {@code work} on {@code vm}, unless another run changed the VM since this run read it (vCenter answers
   * ConcurrentAccess to a change based on an older {@code changeVersion}): then that run is at work on it, and this
   * one waits for its result rather than shut down, reconfigure or power on the VM a second time.
   */
  private static Result contended(StepContext context, VmState vm, java.util.concurrent.Callable<Result> work)
      throws Exception {
    try {
      return work.call();
    } catch (VimFault e) {
      if (!"ConcurrentAccess".equals(e.faultName())) {
        throw e;
      }
      context.warn("another run is working on VM " + vm.name() + ": waiting for it rather than acting twice");
      VirtualMachines vms = new VirtualMachines(context.vcenter());
      context.await("VM " + vm.name() + " to be finished by another run", () -> {
        VmState now = vms.read(vm.ref());
        return now.fullyEncrypted() && !now.leftPoweredOff() ? Optional.of(now) : Optional.empty();
      });
      return Result.ALREADY;
    }
  }

  /** An encrypted VM whose vMotion is not encrypted as asked: the setting changed, the VM left as it runs. */
  private static Result encryptVmotion(StepContext context, VmState vm, String mode) {
    new VirtualMachines(context.vcenter()).setMigrateEncryption(vm, mode, context.settings().timeout,
        context.waiting("encrypted vMotion of " + vm.name()));
    return Result.VMOTION;
  }

  /** Finishes what an earlier run left: the VM powered on again (when it is off), then its mark removed. */
  private static Result restore(StepContext context, VmState vm) {
    new PowerCycle(context).runAgain(vm);
    return Result.RESTORED;
  }
}
