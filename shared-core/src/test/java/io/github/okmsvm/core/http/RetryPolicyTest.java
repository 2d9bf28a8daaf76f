package io.github.okmsvm.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> sleeps = new ArrayList<>();

  @Test
  void aBackOffAllowsMaxAttemptsInAllAndWaitsBeforeEachRetry() {
    BackOff backOff = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)).start(sleeps::add);

    assertThat(backOff.retry(null)).isTrue();
    assertThat(backOff.retry(null)).isTrue();
    assertThat(backOff.retry(null)).isFalse();
    assertThat(backOff.attempts()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void theServersRetryAfterWinsUpToTheMaximum() {
    BackOff backOff = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5)).start(sleeps::add);

    backOff.retry(Duration.ofSeconds(2));
    backOff.retry(Duration.ofSeconds(60));

    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  @RepeatedTest(20)
  void backoffGrowsWithFullJitterWithinItsCeiling() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

    assertThat(policy.delay(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(policy.delay(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(policy.delay(9, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(RetryPolicy.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.retryAfter("soon")).isNull();
    assertThat(RetryPolicy.retryAfter(null)).isNull();
  }

  @Test
  void onlyOverloadAndServerErrorsAreRetried() {
    assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
    assertThat(RetryPolicy.isRetryableStatus(409)).isFalse();
  }
}
