package io.github.okmsvm.core.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {
  @Test
  void pollsOftenAtFirstThenATenthOfTheWaitUpToTheCeiling() {
    Poller poller = Poller.standard();

    assertThat(poller.pause(Duration.ZERO)).isEqualTo(Duration.ofMillis(50));
    assertThat(poller.pause(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(300));
    assertThat(poller.pause(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void returnsWhatTheCheckFindsAndTimesOutWithTheFix() {
    AtomicInteger calls = new AtomicInteger();
    Poller poller = new Poller(Duration.ofMillis(1), Duration.ofMillis(5));

    assertThat(poller.until("the third call", Duration.ofSeconds(5),
        () -> calls.incrementAndGet() == 3 ? Optional.of("done") : Optional.empty(), elapsed -> { }))
        .isEqualTo("done");
    assertThatThrownBy(() -> poller.until("Godot", Duration.ofMillis(30), Optional::empty, elapsed -> { }))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage("timed out after 30 ms waiting for Godot: it may still happen; run again to converge, or raise the"
            + " timeout");
  }
}
