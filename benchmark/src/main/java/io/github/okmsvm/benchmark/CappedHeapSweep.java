package io.github.okmsvm.benchmark;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.report.ComplianceReport;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One gate sweep in a JVM of its own, started with a capped heap ({@code -Xmx}): it either completes, printing how
 * many VMs it judged, or fails with OutOfMemoryError. Arguments: vCenter URL, user, password, trust bundle file.
 */
public final class CappedHeapSweep {
  private CappedHeapSweep() {}

  public static void main(String[] args) throws IOException {
    try (VimClient vim = VimClient.connect(args[0], args[1], Secret.of(System.getenv("VSPHERE_PASSWORD")),
        VimTls.trusting(Files.readString(Path.of(args[2]))), Duration.ofMinutes(5), line -> { })) {
      List<VmState> states = new ArrayList<>();
      new VirtualMachines(vim).each(null, 1000, false, states::add);
      System.out.println("judged " + ComplianceReport.judge("bench", "bench", null, 0, states).vms().size());
    }
  }
}
