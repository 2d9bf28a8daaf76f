package io.github.okmsvm.sandbox.ovh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How fast the account's resources move through their states, as the real services move them with time rather
 * than with reads: each state change happens a number of steps after the change that starts it (an order is
 * {@code delivering} one step after payment and {@code delivered} two steps after), whether anyone reads or not.
 */
final class StatePace implements AutoCloseable {
  static final Duration DEFAULT_STEP = Duration.ofMillis(50);

  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sandbox-ovh-states");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Duration step = DEFAULT_STEP;

  void step(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a state step cannot be negative: " + duration);
    }
    this.step = duration;
  }

  Duration step() {
    return step;
  }

  /** Runs {@code change} {@code steps} steps from now. */
  void after(int steps, Runnable change) {
    clock.schedule(change, step.toNanos() * steps, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
