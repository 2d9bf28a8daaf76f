package io.github.okmsvm.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** What every sandbox HTTP endpoint does first: read the whole request, then wait the configured latency. */
public final class Exchanges {
  private Exchanges() {}

  public static byte[] readBody(HttpExchange exchange, Duration latency) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    pause(latency);
    return body;
  }

  /** Sleeps, as a slow or stalled server would; an interrupt ends the wait early. */
  public static void pause(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
