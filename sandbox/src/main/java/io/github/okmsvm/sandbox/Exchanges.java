package io.github.okmsvm.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** What every sandbox HTTP endpoint does first: read the whole request, then wait the configured latency. */
public final class Exchanges {
  private Exchanges() {}

  /**
   * Sends small answers at once: without TCP_NODELAY the JDK's HTTP server writes headers and body separately and
   * each call waits for the peer's delayed ACK (about 40 ms), which no real vCenter or OVHcloud API does. Must run
   * before the first server is created, since the JDK reads the setting once.
   */
  public static void noDelay() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

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
