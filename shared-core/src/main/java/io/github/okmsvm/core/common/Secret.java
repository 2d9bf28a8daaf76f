package io.github.okmsvm.core.common;

import java.util.Objects;

/**
 * A secret value (application secret, consumer key, client secret, token, password): it can be used, but it never
 * shows itself in {@link #toString()}, so it cannot leak into a log line or an exception by accident.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  /** Null or blank stays absent. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Secret of(String value) {
    return value == null || value.isBlank() ? null : new Secret(value.strip());
  }

  /** The value itself, for the one place that must send it. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "****";
  }
}
