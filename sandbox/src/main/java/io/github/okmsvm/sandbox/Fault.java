package io.github.okmsvm.sandbox;

import java.time.Duration;

/** A failure the sandbox can inject instead of answering a route. */
public sealed interface Fault {
  /** An HTTP 5xx error answer. */
  record ServerError(int status) implements Fault {}

  /** HTTP 429 with {@code Retry-After} in seconds. */
  record TooManyRequests(int retryAfterSeconds) implements Fault {}

  /** The connection is closed without any answer. */
  record Reset() implements Fault {}

  /** No answer for {@code duration}, then the connection is closed. */
  record Stall(Duration duration) implements Fault {}

  /** The request is applied, then the connection is closed without the answer: an ambiguous write. */
  record LoseAnswer() implements Fault {}
}
