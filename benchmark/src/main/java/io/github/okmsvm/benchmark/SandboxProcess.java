package io.github.okmsvm.benchmark;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimTls;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox in a process of its own ({@code SandboxMain}), so that the client's heap and time are measured apart
 * from the sandbox's; it answers every call after {@code latency}, as a vCenter that far away would.
 */
final class SandboxProcess implements AutoCloseable {
  private final Process process;
  private final Map<String, String> exports = new HashMap<>();
  private String trustBundle;

  SandboxProcess(int vms, int disks, Duration latency, String maxHeap) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx" + maxHeap, "-cp", classPath(), "io.github.okmsvm.sandbox.SandboxMain", "--vms",
        Integer.toString(vms), "--disks", Integer.toString(disks), "--latency",
        Long.toString(latency.toMillis())));
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("export ")) {
        String[] pair = line.substring("export ".length()).split("=", 2);
        exports.put(pair[0], pair[1]);
      } else if (line.startsWith("# PEM trust bundle")) {
        trustBundle = line.substring(line.lastIndexOf(": ") + 2);
      } else if (line.startsWith("#   govc:")) {
        break; // the last line it prints before it serves
      }
    }
    if (trustBundle == null || !exports.containsKey("VSPHERE_SERVER")) {
      close();
      throw new IOException("the sandbox process did not start");
    }
  }

  VimClient connect() throws IOException {
    return VimClient.connect(exports.get("VSPHERE_SERVER"), exports.get("VSPHERE_USER"),
        Secret.of(exports.get("VSPHERE_PASSWORD")), VimTls.trusting(Files.readString(Path.of(trustBundle))),
        Duration.ofMinutes(5), line -> { });
  }

  /**
   * Runs {@link CappedHeapSweep} against this sandbox in a JVM whose heap is capped at {@code maxHeap}; its last line,
   * or why it failed.
   */
  String sweepWithHeap(String maxHeap) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-cp", classPath(), CappedHeapSweep.class.getName(), exports.get("VSPHERE_SERVER"),
        exports.get("VSPHERE_USER"), trustBundle).redirectErrorStream(true);
    // the password in the environment, as the product reads it, not on a command line anyone can list
    builder.environment().put("VSPHERE_PASSWORD", exports.get("VSPHERE_PASSWORD"));
    Process sweep = builder.start();
    String output = new String(sweep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int status = sweep.waitFor();
    String last = output.substring(output.lastIndexOf('\n') + 1);
    return status == 0 ? last : "failed (" + (output.contains("OutOfMemoryError") ? "OutOfMemoryError" : last) + ")";
  }

  /** The environment govc needs to reach this sandbox. */
  Map<String, String> govcEnvironment() {
    return Map.of("GOVC_URL", exports.get("VSPHERE_SERVER"), "GOVC_USERNAME", exports.get("VSPHERE_USER"),
        "GOVC_PASSWORD", exports.get("VSPHERE_PASSWORD"), "GOVC_TLS_CA_CERTS", trustBundle);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The benchmark's own class path (exec:java runs it in a class loader of its own, not on java.class.path). */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader loader = SandboxProcess.class.getClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(new File(url.toURI()).getPath());
          } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    String own = System.getProperty("java.class.path");
    if (own != null && !own.isEmpty()) {
      entries.add(own);
    }
    return String.join(File.pathSeparator, entries);
  }
}
