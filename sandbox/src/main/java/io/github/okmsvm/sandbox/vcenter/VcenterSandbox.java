package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.common.Secret;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;

/** The vCenter half of the sandbox: the SOAP server with its seeded inventory. */
public final class VcenterSandbox implements AutoCloseable {
  /** A VM to seed: its folder under {@code DC0/vm} (null for the VM folder itself), power, disks, snapshot. */
  public record VmSeed(String name, String folder, boolean poweredOn, int disks, boolean snapshot) {}

  private final VcenterServer server;

  private VcenterSandbox(VcenterServer server) {
    this.server = server;
  }

  public static VcenterSandbox start(SSLContext tls, String username, Secret password, List<VmSeed> seeds)
      throws IOException {
    Inventory inventory = new Inventory();
    for (VmSeed seed : seeds) {
      String folder = seed.folder() == null ? Inventory.VM_FOLDER : inventory.folder(seed.folder());
      SandboxVm vm = inventory.addVm(seed.name(), folder, seed.poweredOn() ? "poweredOn" : "poweredOff",
          seed.disks());
      vm.hasSnapshot = seed.snapshot();
    }
    VcenterServer server = new VcenterServer(tls, username, password, inventory);
    server.start();
    return new VcenterSandbox(server);
  }

  public VcenterServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
