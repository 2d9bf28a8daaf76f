package io.github.okmsvm.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the HTTP library's logging at DEBUG (as {@code mvn -X} sets it), no header or byte of a request reaches the
 * log through the product's transport; HttpClient's own connection, in the same JVM, writes them all.
 */
class QuietConnectionTest {
  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/none.log"));
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Set-Cookie", "vmware_soap_session=\"session-cookie-value\"");
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theTransportLogsNoHeaderAndNoByteAtDebug() throws Exception {
    long before = size();
    try (CloseableHttpClient http = HttpTransport.builder().build()) {
      send(http, "consumer-key-value");
    }
    String logged = since(before);

    assertThat(logged).as("the library's DEBUG log is on").contains("DEBUG");
    assertThat(logged).doesNotContain("consumer-key-value").doesNotContain("pw-value")
        .doesNotContain("session-cookie-value");
  }

  /** A proxy's login (Jenkins' proxy) answers its 407 challenge and reaches no log line, in clear or in Base64. */
  @Test
  void aProxyLoginReachesTheProxyAndNoLogLine() throws Exception {
    HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    java.util.List<String> logins = new java.util.concurrent.CopyOnWriteArrayList<>();
    proxy.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String login = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
      if (login == null) {
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
        exchange.sendResponseHeaders(407, -1);
      } else {
        logins.add(login);
        exchange.sendResponseHeaders(200, -1);
      }
      exchange.close();
    });
    proxy.start();
    long before = size();
    try (CloseableHttpClient http = HttpTransport.builder().proxy(HttpProxy.of("127.0.0.1",
        proxy.getAddress().getPort(), host -> false).withLogin("jenkins", io.github.okmsvm.core.common.Secret.of(
        "pr0xy-pa55"))).build()) {
      send(http, "consumer-key-value");
    } finally {
      proxy.stop(0);
    }
    String basic = java.util.Base64.getEncoder().encodeToString("jenkins:pr0xy-pa55".getBytes(
        StandardCharsets.UTF_8));

    assertThat(logins).containsExactly("Basic " + basic);
    assertThat(since(before)).contains("DEBUG").doesNotContain("pr0xy-pa55").doesNotContain(basic)
        .doesNotContain("consumer-key-value");
  }

  @Test
  void theLibrarysOwnConnectionWouldShowThem() throws Exception {
    long before = size();
    try (CloseableHttpClient http = HttpClients.createDefault()) {
      send(http, "bearer-token-value");
    }

    assertThat(since(before)).contains("bearer-token-value").contains("session-cookie-value");
  }

  private void send(CloseableHttpClient http, String secret) throws IOException {
    HttpPost post = new HttpPost("http://127.0.0.1:" + server.getAddress().getPort() + "/sdk");
    post.setHeader("X-Ovh-Consumer", secret);
    post.setEntity(new StringEntity("<password>pw-value</password>", StandardCharsets.UTF_8));
    http.execute(post, response -> response.getCode());
  }

  private static long size() throws IOException {
    return Files.exists(LOG) ? Files.size(LOG) : 0;
  }

  /** What was logged after {@code offset}: all of it when the logger started the file afresh meanwhile. */
  private static String since(long offset) throws IOException {
    byte[] all = Files.readAllBytes(LOG);
    int from = offset > all.length ? 0 : (int) offset;
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
