package io.github.okmsvm.core.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test material made by the openssl command line, an implementation independent of ours: whatever our code reads,
 * computes or writes is checked against what openssl made or says.
 */
final class OpenSsl {
  private final Path dir;

  OpenSsl(Path dir) {
    this.dir = dir;
  }

  /** Runs openssl in the working directory and returns its standard output; fails the test on a non-zero exit. */
  String run(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(arguments));
    return exec(command);
  }

  /** Runs any command (awk, for instance) in the working directory. */
  String exec(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(command + " failed with exit " + process.exitValue());
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(command.get(0) + " is not installed (Debian package: " + command.get(0) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  String read(String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  byte[] bytes(String file) {
    try {
      return Files.readAllBytes(dir.resolve(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Path write(String file, byte[] content) {
    try {
      return Files.write(dir.resolve(file), content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Path path(String file) {
    return dir.resolve(file);
  }

  /** A self-signed CA: {@code name.key}, {@code name.crt}. */
  OpenSsl ca(String name) {
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".crt",
        "-days", "2", "-subj", "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return this;
  }

  /**
   * An EC P-256 key {@code name.key}, a CSR {@code name.csr} with {@code extensions} (openssl -addext lines) and a
   * certificate {@code name.crt} signed by {@code ca} with the same extensions.
   */
  OpenSsl leaf(String name, String ca, String subject, String... extensions) {
    run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key");
    List<String> request = new ArrayList<>(List.of("req", "-new", "-key", name + ".key", "-out", name + ".csr",
        "-subj", subject));
    for (String extension : extensions) {
      request.add("-addext");
      request.add(extension);
    }
    run(request.toArray(new String[0]));
    write(name + ".ext", String.join("\n", extensions).concat("\n").getBytes(StandardCharsets.US_ASCII));
    run("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial",
        "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
    return this;
  }
}
