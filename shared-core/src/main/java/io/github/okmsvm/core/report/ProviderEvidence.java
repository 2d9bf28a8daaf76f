package io.github.okmsvm.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * A key provider as vCenter reports it at the gate: its status, whether vCenter trusts its KMS and the KMS trusts
 * vCenter, and when vCenter's client certificate for it expires (null when vCenter has none).
 */
public record ProviderEvidence(String providerId, String status, boolean clientTrustServer,
    boolean serverTrustClient, Instant clientCertificateNotAfter) {

  /** Green, and trusted both ways: vCenter can get and use keys. */
  public boolean connected() {
    return "green".equals(status) && clientTrustServer && serverTrustClient;
  }

  /** Whole days until the client certificate expires (negative once it has), or null without one. */
  public Long daysLeft(Instant now) {
    return clientCertificateNotAfter == null ? null
        : Math.floorDiv(Duration.between(now, clientCertificateNotAfter).toHours(), 24);
  }
}
