package io.github.okmsvm.core.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before retrying a read (a connect error, a lost answer, a 5xx or 429, a transient
 * vCenter fault): bounded exponential backoff with full jitter, a server's {@code Retry-After} winning. Writes are
 * never retried blindly: after an ambiguous write the steps re-read the state and converge.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(10));
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static boolean isRetryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  /** The wait before attempt {@code attempt + 1}; a server's {@code Retry-After} wins, capped at {@code maxDelay}. */
  public Duration delay(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  /** A new series of attempts of one read, waiting with {@code sleeper}. */
  public BackOff start(Sleeper sleeper) {
    return new BackOff(this, sleeper);
  }

  /**
   * A {@code Retry-After} header: seconds or an HTTP date; null when absent or unreadable (then the backoff decides).
   */
  public static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unparsable) {
        return null;
      }
    }
  }
}
