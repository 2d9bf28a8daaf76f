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

  private static String since(long offset) throws IOException {
    byte[] all = Files.readAllBytes(LOG);
    return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
  }
}
