package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.vsphere.VimException;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A change vCenter makes only on a VM that is off (encryption, deep re-key), made without ever leaving a VM off: a
 * running VM is marked ({@link VirtualMachines#POWERED_OFF_MARKER}, on the VM itself) before it is shut down, and
 * unmarked once it runs again. A failed change powers the VM on again in the same run; a run that dies in between
 * leaves the mark, and the next run of encrypt-vm or rekey powers the VM on and removes it.
 */
final class PowerCycle {
  private final StepContext context;
  private final VirtualMachines vms;

  PowerCycle(StepContext context) {
    this.context = context;
    this.vms = new VirtualMachines(context.vcenter());
  }

  /**
   * Makes {@code change} on {@code vm} while it is off, given the VM as it is then; {@code what} names the change
   * ("encrypt", "re-key"). A VM marked by an earlier run was running before that run: it is powered on again too.
   */
  void whileOff(VmState vm, String what, Consumer<VmState> change) {
    boolean wasOn = vm.poweredOn() || vm.leftPoweredOff();
    Duration timeout = context.settings().timeout;
    if (vm.poweredOn()) {
      vms.mark(vm, Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", shut down to " + what + " it", timeout,
          context.waiting("marking " + vm.name()));
    }
    try {
      if (vm.poweredOn()) {
        shutDown(vm);
      }
      // a VM this run did not touch yet is changed as it was read: vCenter refuses if another run got there first
      change.accept(vm.poweredOn() ? vms.read(vm.ref()) : vm);
    } catch (RuntimeException e) {
      if (wasOn) {
        powerOnAgain(vm, what, e);
      }
      throw e;
    }
    if (wasOn) {
      runAgain(vm);
    }
  }

  /** Powers {@code vm} on (unless it runs) and removes its mark: what an earlier run left unfinished. */
  void runAgain(VmState vm) {
    ensurePoweredOn(vm);
    vms.mark(vms.read(vm.ref()), null, context.settings().timeout, context.waiting("unmarking " + vm.name()));
  }

  /**
   * Waits, even when interrupted, for the VMs in flight: an aborted step ends once they run again (or, past
   * {@code timeout}, they stay marked for the next run).
   */
  static void awaitInFlight(ExecutorService pool, Duration timeout) {
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** After a failed shutdown or change: the VM runs again; if even that fails, it stays marked. */
  private void powerOnAgain(VmState vm, String what, RuntimeException failure) {
    try {
      runAgain(vm);
      context.warn("could not " + what + " VM " + vm.name() + " (" + failure.getMessage() + "); it runs again");
    } catch (RuntimeException again) {
      failure.addSuppressed(again);
      context.warn("VM " + vm.name() + " could not be powered on again (" + again.getMessage() + "): it stays marked,"
          + " and the next run of encrypt-vm or rekey powers it on");
    }
  }

  /**
   * Powers {@code vm} on unless it runs already, as read now: a power-on an earlier run started may have completed
   * since this run read the VM, and vCenter refuses to power on a running VM.
   */
  private void ensurePoweredOn(VmState vm) {
    if (vms.read(vm.ref()).poweredOn()) {
      return;
    }
    try {
      vms.powerOn(vm.ref(), context.settings().timeout, context.waiting("powering " + vm.name() + " on"));
    } catch (VimFault e) {
      if (!"InvalidPowerState".equals(e.faultName()) || !vms.read(vm.ref()).poweredOn()) {
        throw e;
      }
    }
  }

  /** Guest shutdown first; a hard power-off once {@code shutdownTimeout} has passed (or without VMware Tools). */
  private void shutDown(VmState vm) {
    Duration graceful = context.settings().shutdownTimeout;
    try {
      vms.shutdownGuest(vm.ref());
      long deadline = System.nanoTime() + graceful.toNanos();
      while (System.nanoTime() < deadline) {
        if (!vms.read(vm.ref()).poweredOn()) {
          return;
        }
        context.waiting("guest shutdown of " + vm.name()).accept(graceful.minusNanos(deadline - System.nanoTime()));
        Thread.sleep(Math.min(1000, Math.max(50, graceful.toMillis() / 20)));
      }
      context.warn("VM " + vm.name() + " did not shut down within " + graceful.toSeconds() + " s: powering it off");
    } catch (VimException e) {
      context.warn("guest shutdown of " + vm.name() + " failed (" + e.getMessage() + "): powering it off");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException("interrupted while shutting down " + vm.name());
    }
    if (vms.read(vm.ref()).poweredOn()) {
      vms.powerOff(vm.ref(), context.settings().timeout, context.waiting("powering " + vm.name() + " off"));
    }
  }
}
