package io.github.okmsvm.it.vsphere;

import io.github.okmsvm.it.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** govc, built from govmomi's command packages by {@code .ci/run}, run against one vCenter with its own home. */
final class Govc {
  static final Path BINARY = Conformance.builtPeer("govc");

  private final Map<String, String> environment;
  private final Path home;

  /** What one command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {}

  Govc(Map<String, String> environment, Path home) throws IOException {
    this.environment = environment;
    this.home = Files.createDirectories(home);
  }

  Result run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toAbsolutePath().toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.environment().put("GOVMOMI_HOME", home.toString()); // its session cache, apart from the user's
    Path errors = home.resolve("stderr");
    builder.redirectError(errors.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("govc " + arguments + " did not end within 60 s");
    }
    return new Result(process.exitValue(), out, Files.readString(errors));
  }
}
