package io.github.okmsvm.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule of the conformance profile: its tests run only under {@code -Pconformance}, and there a missing peer fails
 * the build with the Debian package to install, never skips.
 */
public final class Conformance {
  private Conformance() {}

  public static boolean enabled() {
    return Boolean.getBoolean("okms.conformance");
  }

  /** Where {@code .ci/run} installs the peers that come from npm, not from Debian. */
  public static Path npmPeer(String relativePath) {
    return Path.of(System.getProperty("okms.npmPeers", ".peers/node_modules"), relativePath);
  }

  /**
   * Skips outside the profile; inside it, fails unless {@code file}, a peer installed from npm, exists, naming the
   * command that installs it.
   */
  public static void requireNpmPeer(Path file, String packageAtVersion) {
    assumeTrue(enabled(), "conformance tests run with -Pconformance");
    if (!Files.exists(file)) {
      fail(file + " is missing: install it with npm install --prefix .peers " + packageAtVersion
          + " (as .ci/run does) to run the conformance profile");
    }
  }

  /** Where {@code .ci/run} builds the peers that come from Go modules ({@code src/test/go}). */
  public static Path builtPeer(String program) {
    return Path.of(System.getProperty("okms.builtPeers", "../.peers/bin"), program);
  }

  /**
   * Skips outside the profile; inside it, fails unless {@code file}, a peer built from its Go module, exists, naming
   * the command that builds it.
   */
  public static void requireBuiltPeer(Path file, String program) {
    assumeTrue(enabled(), "conformance tests run with -Pconformance");
    if (!Files.exists(file)) {
      fail(file + " is missing: build " + program + " with (cd src-it/src/test/go && go build"
          + " -o ../../../../.peers/bin/ ./...) (as .ci/run does) to run the conformance profile");
    }
  }

  /** The Python of the virtual environment {@code .ci/run} installs the PyPI peers into. */
  public static Path pythonPeer() {
    return Path.of(System.getProperty("okms.pythonPeers", "../.peers/python"), "bin", "python");
  }

  /** Skips outside the profile; inside it, fails unless the peers' Python has {@code module}, naming how to get it. */
  public static void requirePythonPeer(String module) {
    assumeTrue(enabled(), "conformance tests run with -Pconformance");
    if (!Files.exists(pythonPeer())) {
      fail(pythonPeer() + " is missing: python3 -m venv .peers/python && .peers/python/bin/pip install --no-deps -r"
          + " src-it/src/test/python/requirements.txt (as .ci/run does) to run the conformance profile with "
          + module);
    }
  }

  /** Skips outside the profile; inside it, fails unless {@code file}, a program or source of the peer, exists. */
  public static void requirePeer(Path file, String debianPackage) {
    assumeTrue(enabled(), "conformance tests run with -Pconformance");
    if (!Files.exists(file)) {
      fail(file + " is missing: install the Debian package " + debianPackage
          + " (apt-get install " + debianPackage + ") to run the conformance profile");
    }
  }
}
