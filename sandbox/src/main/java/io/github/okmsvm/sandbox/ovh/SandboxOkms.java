package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.sandbox.kmip.KmipEndpoint;
import io.github.okmsvm.sandbox.kmip.KmipObjects;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One OKMS of the sandbox: its CA (served as {@code publicCA}, signer of its credentials), its live KMIP
 * endpoint, which admits its credentials as IAM allows them, and the KMIP objects it holds. A new one answers {@code iam.state IN_CREATION} to its first read, then {@code OK}.
 */
final class SandboxOkms {
  final String id;
  final String region;
  final CertificateAuthority ca;
  final KmipEndpoint kmip;
  final Instant createdAt;
  final Map<String, SandboxCredential> credentials = new LinkedHashMap<>();
  /** Certificates of deleted credentials ("revoke and delete"), by PEM, with the credential they belonged to. */
  final Map<String, String> revoked = new LinkedHashMap<>();
  private int reads;
  private final boolean justOrdered;

  SandboxOkms(String id, String region, boolean justOrdered, SandboxAccount account) {
    this.id = id;
    this.region = region;
    this.ca = CertificateAuthority.create("CN=CCMUsersCA");
    this.kmip = KmipEndpoint.start(ca, new OkmsKmipAccess(account, this), new KmipObjects());
    this.createdAt = Instant.now();
    this.justOrdered = justOrdered;
  }

  String urn() {
    return "urn:v1:eu:resource:okms:" + id;
  }

  String kmipEndpoint() {
    return "localhost:" + kmip.endpoint().port();
  }

  Map<String, Object> toJson(boolean withPublicCa) {
    reads++;
    String state = justOrdered && reads <= 1 ? "IN_CREATION" : "OK";
    return Models.object(
        "id", id,
        "region", region,
        "kmipEndpoint", kmipEndpoint(),
        "kmipRsaEndpoint", null,
        "restEndpoint", "https://localhost:" + kmip.endpoint().port(),
        "swaggerEndpoint", "https://localhost:" + kmip.endpoint().port() + "/swagger",
        "publicCA", withPublicCa ? ca.certificatePem() : null,
        "publicRsaCA", null,
        "kmipObjectCount", kmip.objects().count(),
        "serviceKeyCount", 0L,
        "secretCount", 0L,
        "secretVersionCount", 0L,
        "iam", Models.object("id", id, "urn", urn(), "displayName", id, "state", state,
            "tags", Map.of("ovh:region", region)));
  }
}
