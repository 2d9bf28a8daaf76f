package io.github.okmsvm.it.kmip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Debian's PyKMIP server ({@code python3-pykmip}), run with Debian's own Python on a free loopback port with
 * certificates the test made. Stopped by its process id; it needs up to about 12 s to leave (its accept loop polls
 * every 10 s), and its helper processes leave with it.
 */
final class PyKmipServer implements AutoCloseable {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path SERVER = Path.of("/usr/bin/pykmip-server");

  private final Process process;
  private final int port;
  private final Path log;

  private PyKmipServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the server with {@code server.crt}, {@code server.key} and {@code ca.crt} from {@code dir}. */
  static PyKmipServer start(Path dir) throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(dir.resolve("policies"));
    Path config = dir.resolve("server.conf");
    Files.writeString(config, String.join("\n",
        "[server]",
        "hostname=127.0.0.1",
        "port=" + port,
        "certificate_path=" + dir.resolve("server.crt"),
        "key_path=" + dir.resolve("server.key"),
        "ca_path=" + dir.resolve("ca.crt"),
        "auth_suite=TLS1.2",
        "policy_path=" + dir.resolve("policies"),
        "enable_tls_client_auth=True",
        "logging_level=INFO",
        "database_path=" + dir.resolve("pykmip.db"),
        ""));
    Path log = dir.resolve("server.log");
    Process process = new ProcessBuilder(PYTHON.toString(), "-W", "ignore", SERVER.toString(),
        "-f", config.toString(), "-l", log.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
    PyKmipServer server = new PyKmipServer(process, port, log);
    server.awaitBound(Duration.ofSeconds(60));
    return server;
  }

  int port() {
    return port;
  }

  private void awaitBound(Duration limit) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains("Server successfully bound socket handler")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("pykmip-server exited with " + process.exitValue() + ": "
            + Files.readString(log.resolveSibling("server.out")));
      }
      Thread.sleep(200);
    }
    close();
    throw new IllegalStateException("pykmip-server did not bind 127.0.0.1:" + port + " within " + limit.toSeconds()
        + " s");
  }

  @Override
  public void close() {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
