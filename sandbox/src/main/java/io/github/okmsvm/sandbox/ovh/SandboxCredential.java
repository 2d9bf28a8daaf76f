package io.github.okmsvm.sandbox.ovh;

import java.time.Instant;
import java.util.List;

/** An OKMS credential of the sandbox: {@code CREATING} at first, {@code READY} one state step later. */
final class SandboxCredential {
  final String id;
  final String name;
  final String description;
  final List<String> identityUrns;
  final boolean fromCsr;
  final String certificateType;
  final Instant createdAt;
  final Instant expiredAt;
  final String certificatePem;
  volatile String status = "CREATING";

  SandboxCredential(String id, String name, String description, List<String> identityUrns, boolean fromCsr,
      String certificateType, Instant createdAt, Instant expiredAt, String certificatePem) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.identityUrns = List.copyOf(identityUrns);
    this.fromCsr = fromCsr;
    this.certificateType = certificateType;
    this.createdAt = createdAt;
    this.expiredAt = expiredAt;
    this.certificatePem = certificatePem;
  }

  /** Becomes READY one state step from now, unless it is deleted first. */
  void readyAfter(StatePace pace) {
    pace.after(1, () -> {
      if (status.equals("CREATING")) {
        status = "READY";
      }
    });
  }

  java.util.Map<String, Object> toJson() {
    return Models.object("id", id, "name", name, "description", description, "identityURNs", identityUrns,
        "status", status, "fromCSR", fromCsr, "certificateType", certificateType, "createdAt", createdAt.toString(),
        "expiredAt", expiredAt.toString(), "certificatePEM", status.equals("READY") ? certificatePem : null);
  }
}
