package io.github.okmsvm.it.vsphere;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.vsphere.VimTls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A vCenter the conformance suite runs against, and what its inventory holds. */
interface VcenterPeer extends AutoCloseable {
  String url();

  String username();

  Secret password();

  VimTls tls();

  /** The variables that point govc at this vCenter, trusting its certificate ({@code work}: where to write files). */
  Map<String, String> govcEnvironment(Path work) throws IOException;

  /** How many VMs the whole inventory holds. */
  int vmCount();

  /** A VM's name, its inventory path, and the path of the folder holding every VM. */
  String vmName();

  String vmInventoryPath();

  String vmFolderPath();

  /**
   * Whether the peer really connects to a registered KMS, as vCenter does (an unreachable one is red, and GenerateKey
   * fails). govmomi's vcsim does not: every registered server is green and GenerateKey makes up a key.
   */
  boolean connectsToKms();

  @Override
  void close();
}
