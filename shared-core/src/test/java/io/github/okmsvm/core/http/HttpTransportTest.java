package io.github.okmsvm.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  @Test
  void requestsGoThroughTheJvmsProxySettings() throws Exception {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> requestLine = CompletableFuture.supplyAsync(() -> answer(proxy));
      String host = System.getProperty("http.proxyHost");
      String port = System.getProperty("http.proxyPort");
      System.setProperty("http.proxyHost", "127.0.0.1");
      System.setProperty("http.proxyPort", Integer.toString(proxy.getLocalPort()));
      try (CloseableHttpClient http = HttpTransport.builder().build()) {
        int status = http.execute(new HttpGet("http://vcenter.example.invalid/sdk"), response -> response.getCode());

        assertThat(status).isEqualTo(204);
        assertThat(requestLine.get(10, TimeUnit.SECONDS)).isEqualTo("GET http://vcenter.example.invalid/sdk HTTP/1.1");
      } finally {
        restore("http.proxyHost", host);
        restore("http.proxyPort", port);
      }
    }
  }

  private static String answer(ServerSocket proxy) {
    try (Socket socket = proxy.accept()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String first = in.readLine();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // the headers: read to the blank line before answering
      }
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return first;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
