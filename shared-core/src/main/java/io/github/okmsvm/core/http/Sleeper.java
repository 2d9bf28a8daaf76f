package io.github.okmsvm.core.http;

import java.time.Duration;

/** Sleeps between attempts; tests replace it to count the waits and skip them. */
@FunctionalInterface
public interface Sleeper {
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
