package io.github.okmsvm.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback that tunnels {@code CONNECT host:port} (what HTTPS through a proxy asks) and notes it;
 * given a login, it first answers 407 to a request without that Basic login, as a corporate proxy does.
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "connect-proxy");
    thread.setDaemon(true);
    return thread;
  });
  /** The {@code host:port} of every tunnel opened, in order. */
  final List<String> tunnels = new CopyOnWriteArrayList<>();
  /** How many requests were refused for want of the login. */
  final AtomicInteger challenged = new AtomicInteger();
  private final String login;

  ConnectProxy() throws IOException {
    this(null, null);
  }

  ConnectProxy(String user, String password) throws IOException {
    this.login = user == null ? null : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.submit(() -> tunnel(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      String head = readHead(client.getInputStream());
      String[] request = head.split(" ", 3);
      if (!request[0].equals("CONNECT")) {
        client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      if (login != null && !head.lines().anyMatch(line -> line.equalsIgnoreCase("Proxy-Authorization: " + login))) {
        challenged.incrementAndGet();
        client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
            + " realm=\"proxy\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      tunnels.add(request[1]);
      String[] target = request[1].split(":");
      try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        threads.submit(() -> copy(upstream.getInputStream(), client.getOutputStream()));
        copy(client.getInputStream(), upstream.getOutputStream());
      }
    } catch (IOException e) {
      // the client or the server closed the tunnel
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the request ended");
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static Void copy(InputStream from, OutputStream to) throws IOException {
    try {
      from.transferTo(to);
    } finally {
      to.close();
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
