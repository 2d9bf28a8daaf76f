package io.github.okmsvm.core.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls until something holds, pausing a tenth of the time already waited (between {@code minPause} and
 * {@code maxPause}), so that it notices within max(maxPause, 10 % of the wait); fails after the deadline with a message
 * that says what was awaited and what to do.
 */
public final class Poller {
  private final Duration minPause;
  private final Duration maxPause;

  public Poller(Duration minPause, Duration maxPause) {
    this.minPause = minPause;
    this.maxPause = maxPause;
  }

  public static Poller standard() {
    return new Poller(Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  /**
   * Calls {@code check} until it answers a value; {@code waiting} hears the elapsed time between checks.
   * {@code what} completes "timed out waiting for …".
   */
  public <T> T until(String what, Duration timeout, Supplier<Optional<T>> check, Consumer<Duration> waiting) {
    Instant started = Instant.now();
    while (true) {
      Optional<T> value = check.get();
      if (value.isPresent()) {
        return value.get();
      }
      Duration elapsed = Duration.between(started, Instant.now());
      if (elapsed.compareTo(timeout) >= 0) {
        throw new WaitTimeoutException("timed out after " + describe(timeout) + " waiting for " + what
            + ": it may still happen; run again to converge, or raise the timeout");
      }
      waiting.accept(elapsed);
      sleep(pause(elapsed));
    }
  }

  /** {@code 30 s}, or {@code 250 ms} under a second. */
  public static String describe(Duration duration) {
    return duration.compareTo(Duration.ofSeconds(1)) < 0 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }

  Duration pause(Duration elapsed) {
    Duration tenth = elapsed.dividedBy(10);
    return tenth.compareTo(minPause) < 0 ? minPause : tenth.compareTo(maxPause) > 0 ? maxPause : tenth;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WaitTimeoutException("interrupted while waiting");
    }
  }
}
