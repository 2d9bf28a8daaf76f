package io.github.okmsvm.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;

class ConnectionWarmerTest {
  @Test
  void theConnectionsAheadOpenWhileTheFirstRequestIsAnsweredAndServeTheNextRequestsAtOnce() throws Exception {
    try (KeepAliveTestServer server = new KeepAliveTestServer();
        CloseableHttpClient http = HttpTransport.builder().connectionsAhead(3).build()) {
      AtomicInteger openBeforeFirstAnswer = new AtomicInteger();
      server.beforeAnswer = () -> openBeforeFirstAnswer.set(awaitAccepted(server, 4));

      assertThat(post(http, server)).isEqualTo(200);
      assertThat(openBeforeFirstAnswer).hasValue(4);

      CyclicBarrier together = new CyclicBarrier(4);
      server.beforeAnswer = () -> {
        try {
          together.await(10, TimeUnit.SECONDS); // four requests in flight at once
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      List<CompletableFuture<Integer>> requests = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        requests.add(CompletableFuture.supplyAsync(() -> post(http, server)));
      }
      for (CompletableFuture<Integer> request : requests) {
        assertThat(request.get(20, TimeUnit.SECONDS)).isEqualTo(200);
      }
      assertThat(server.requests()).isEqualTo(5);
      assertThat(server.accepted()).isEqualTo(4);
    }
  }

  @Test
  void withoutConnectionsAheadTheFirstRequestOpensOneConnection() throws Exception {
    try (KeepAliveTestServer server = new KeepAliveTestServer();
        CloseableHttpClient http = HttpTransport.builder().build()) {
      assertThat(post(http, server)).isEqualTo(200);
      assertThat(post(http, server)).isEqualTo(200);

      assertThat(server.accepted()).isEqualTo(1);
    }
  }

  private static int post(CloseableHttpClient http, KeepAliveTestServer server) {
    HttpPost post = new HttpPost(server.url());
    post.setEntity(new StringEntity("<RetrieveServiceContent/>"));
    try {
      return http.execute(post, response -> {
        response.getEntity().getContent().readAllBytes();
        return response.getCode();
      });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int awaitAccepted(KeepAliveTestServer server, int wanted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.accepted() < wanted && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return server.accepted();
  }
}
