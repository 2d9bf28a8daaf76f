package io.github.okmsvm.core.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that keeps connections open and counts those it accepted, whether or not a request
 * came on them; each request is answered {@code 200 ok} once {@link #beforeAnswer} has run.
 */
final class KeepAliveTestServer implements AutoCloseable {
  private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  volatile Runnable beforeAnswer = () -> { };

  KeepAliveTestServer() throws IOException {
    Thread acceptor = new Thread(this::acceptLoop, "keep-alive-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  int accepted() {
    return accepted.get();
  }

  int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        accepted.incrementAndGet();
        Thread serving = new Thread(() -> serve(connection), "keep-alive-test-connection");
        serving.setDaemon(true);
        serving.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (readRequest(in)) {
        requests.incrementAndGet();
        beforeAnswer.run();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the client closed the connection
    }
  }

  /** Reads one request, its body included; false at the end of the connection. */
  private static boolean readRequest(InputStream in) throws IOException {
    int length = 0;
    String line = readLine(in);
    if (line == null) {
      return false;
    }
    for (line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return in.readNBytes(length).length == length;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return null;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
