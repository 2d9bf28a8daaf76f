package io.github.okmsvm.it.vsphere;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.it.Conformance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * govmomi's vcsim from Debian's {@code golang-github-vmware-govmomi-dev}, built by Debian's {@code golang-go} from
 * our small main ({@code src/test/go/vcsim}) and run on a loopback port; stopped by its process id.
 */
final class VcsimPeer implements VcenterPeer {
  static final Path GO = Path.of("/usr/bin/go");
  static final Path GOVMOMI = Path.of("/usr/share/gocode/src/github.com/vmware/govmomi");
  /** VMs per resource pool; the default model has two pools (a standalone host's and a cluster's). */
  static final int VMS_PER_POOL = 30;

  private final Process process;
  private final String url;

  private VcsimPeer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static VcsimPeer start(Path work) throws IOException, InterruptedException {
    Conformance.requirePeer(GO, "golang-go");
    Conformance.requirePeer(GOVMOMI.resolve("simulator/model.go"), "golang-github-vmware-govmomi-dev");
    Path source = work.resolve("vcsim");
    Files.createDirectories(source);
    Files.copy(Path.of("src/test/go/vcsim/main.go"), source.resolve("main.go"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder build = new ProcessBuilder(GO.toString(), "build", "-o", "vcsim", ".").directory(source.toFile())
        .redirectErrorStream(true);
    Map<String, String> environment = build.environment();
    environment.put("GOPATH", "/usr/share/gocode");
    environment.put("GO111MODULE", "off");
    environment.put("GOCACHE", work.resolve("gocache").toString());
    Process compile = build.start();
    String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!compile.waitFor(10, TimeUnit.MINUTES) || compile.exitValue() != 0) {
      throw new IllegalStateException("go build of vcsim failed: " + output);
    }
    Process process = new ProcessBuilder(source.resolve("vcsim").toString(), "-vm", Integer.toString(VMS_PER_POOL))
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
