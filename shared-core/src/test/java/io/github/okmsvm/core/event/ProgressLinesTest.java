package io.github.okmsvm.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  @Test
  void oneLinePerEventWithDurationsAndWaitsAtMostEveryFiveSeconds() {
    ProgressLines lines = new ProgressLines();

    assertThat(lines.line(new ProgressEvent.Started("vcenterTrustOkms", 3, 6)))
        .isEqualTo("[okms] 3/6 vcenterTrustOkms ...");
    assertThat(lines.line(new ProgressEvent.Changed("vcenterTrustOkms", "add key provider okms-eu-west-rbx", false)))
        .isEqualTo("[okms]   + add key provider okms-eu-west-rbx");
    assertThat(lines.line(new ProgressEvent.Changed("vcenterTrustOkms", "add key provider okms-eu-west-rbx", true)))
        .isEqualTo("[okms]   would add key provider okms-eu-west-rbx");
    assertThat(lines.line(new ProgressEvent.Waiting("vcenterTrustOkms", "the provider", Duration.ofSeconds(2))))
        .isNull();
    assertThat(lines.line(new ProgressEvent.Waiting("vcenterTrustOkms", "the provider", Duration.ofSeconds(5))))
        .isEqualTo("[okms]   waiting for the provider (5 s)");
    assertThat(lines.line(new ProgressEvent.Waiting("vcenterTrustOkms", "the provider", Duration.ofSeconds(7))))
        .isNull();
    assertThat(lines.line(new ProgressEvent.Waiting("vcenterTrustOkms", "the provider", Duration.ofSeconds(10))))
        .isEqualTo("[okms]   waiting for the provider (10 s)");
    assertThat(lines.line(new ProgressEvent.Finished("vcenterTrustOkms", 3, 6,
        "key provider okms-eu-west-rbx green, trusted both ways", true, Duration.ofSeconds(41))))
        .isEqualTo("[okms] 3/6 vcenterTrustOkms: key provider okms-eu-west-rbx green, trusted both ways (41 s)");
  }
}
