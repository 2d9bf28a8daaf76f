package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Keeps an OAuth2 access token and fetches a new one a minute before it expires, or when told it was refused. */
final class TokenCache {
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  /** A token and the instant it stops working. */
  record Token(Secret accessToken, Instant expiresAt) {}

  private final Supplier<Token> fetch;
  private final Clock clock;
  private Token current;

  TokenCache(Supplier<Token> fetch, Clock clock) {
    this.fetch = fetch;
    this.clock = clock;
  }

  synchronized Secret token() {
    if (current == null || clock.instant().isAfter(current.expiresAt().minus(REFRESH_MARGIN))) {
      current = fetch.get();
    }
    return current.accessToken();
  }

  synchronized void invalidate() {
    current = null;
  }
}
