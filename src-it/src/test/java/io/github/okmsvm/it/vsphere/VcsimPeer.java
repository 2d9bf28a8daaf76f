package io.github.okmsvm.it.vsphere;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.it.Conformance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * govmomi's vcsim, built by {@code .ci/run} from our small main ({@code src/test/go/vcsim}) against the govmomi
 * version {@code src/test/go/go.mod} pins, and run on a loopback port; stopped by its process id.
 */
final class VcsimPeer implements VcenterPeer {
  static final Path BINARY = Conformance.builtPeer("vcsim");
  /** VMs per resource pool; the default model has two pools (a standalone host's and a cluster's). */
  static final int VMS_PER_POOL = 30;

  private final Process process;
  private final String url;

  private VcsimPeer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static VcsimPeer start(Path work) throws IOException {
    Conformance.requireBuiltPeer(BINARY, "vcsim");
    Process process = new ProcessBuilder(BINARY.toAbsolutePath().toString(), "-vm", Integer.toString(VMS_PER_POOL))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    String line = lines.readLine();
    if (line == null || !line.startsWith("VCSIM_URL=")) {
      process.destroy();
      throw new IllegalStateException("vcsim did not start: " + line);
    }
    return new VcsimPeer(process, line.substring("VCSIM_URL=".length()).replaceFirst("//[^@]*@", "//"));
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String username() {
    return "okms";
  }

  @Override
  public Secret password() {
    return Secret.of("vcsim-secret");
  }

  @Override
  public VimTls tls() {
    return VimTls.insecure(); // vcsim listens over plain HTTP here: a lab set-up, opted into explicitly
  }

  @Override
  public Map<String, String> govcEnvironment(Path work) {
    return Map.of("GOVC_URL", url, "GOVC_USERNAME", username(), "GOVC_PASSWORD", password().reveal());
  }

  @Override
  public int vmCount() {
    return 2 * VMS_PER_POOL;
  }

  @Override
  public String vmName() {
    return "DC0_H0_VM0";
  }

  @Override
  public String vmInventoryPath() {
    return "DC0/vm/DC0_H0_VM0";
  }

  @Override
  public String vmFolderPath() {
    return "DC0/vm";
  }

  @Override
  public boolean connectsToKms() {
    return false;
  }

  @Override
  public void close() {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
