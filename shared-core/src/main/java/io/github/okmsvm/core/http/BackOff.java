package io.github.okmsvm.core.http;

import io.github.okmsvm.core.common.UserException;
import java.time.Duration;

/** The attempts of one read under a {@link RetryPolicy}: each failed attempt asks whether to go on, and waits. */
public final class BackOff {
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private int attempts = 1;

  BackOff(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /** Attempts made so far, the running one included. */
  public int attempts() {
    return attempts;
  }

  /**
   * After a failed attempt: waits (as long as {@code retryAfter} when the server said so) and returns true, or
   * returns false at once when no attempt is left.
   */
  public boolean retry(Duration retryAfter) {
    if (attempts >= policy.maxAttempts()) {
      return false;
    }
    try {
      sleeper.sleep(policy.delay(attempts, retryAfter));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while waiting to retry", e);
    }
    attempts++;
    return true;
  }
}
