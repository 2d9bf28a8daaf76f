package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.sandbox.kmip.KmipEndpoint;
import io.github.okmsvm.sandbox.kmip.KmipObjects;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One OKMS of the sandbox: its CA (served as {@code publicCA}, signer of its credentials), its live KMIP
 * endpoint, which admits its credentials as IAM allows them, and the KMIP objects it holds; where the account serves
 * them, a second, RSA listener ({@code kmipRsaEndpoint}) with its own CA ({@code publicRsaCA}). A new one answers
 * {@code iam.state IN_CREATION} for one state step, then {@code OK}.
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
  private final boolean justOrdered;
  private final SandboxAccount account;
  /** The second listener ({@code kmipRsaEndpoint}) and its CA ({@code publicRsaCA}), made once the account asks. */
  private CertificateAuthority rsaCa;
  private KmipEndpoint rsaKmip;

  /** The OKMS on {@code address}: each OKMS of an account has its own, as OKMS of different regions do. */
  SandboxOkms(String id, String region, boolean justOrdered, SandboxAccount account, java.net.InetAddress address) {
    this.id = id;
    this.region = region;
    this.ca = CertificateAuthority.create("CN=CCMUsersCA");
    this.kmip = KmipEndpoint.start(ca, ca, new OkmsKmipAccess(account, this), new KmipObjects(), address);
    this.createdAt = Instant.now();
    this.justOrdered = justOrdered;
    this.account = account;
  }

  /** The RSA listener: the same objects, access and credentials, a server certificate from another CA. */
  private synchronized KmipEndpoint rsaKmip() {
    if (rsaKmip == null) {
      rsaCa = CertificateAuthority.create("CN=CCMUsersRSACA");
      rsaKmip = KmipEndpoint.start(rsaCa, ca, new OkmsKmipAccess(account, this), kmip.objects(),
          kmip.serverAddress());
    }
    return rsaKmip;
  }

  synchronized void close() {
    kmip.close();
    if (rsaKmip != null) {
      rsaKmip.close();
    }
  }

  /** The KMIP host name: localhost for the first OKMS, its own loopback address for the others (no name has it). */
  private String host() {
    String ip = kmip.endpoint().host();
    return ip.equals("127.0.0.1") ? "localhost" : ip;
  }

  String urn() {
    return "urn:v1:eu:resource:okms:" + id;
  }

  String kmipEndpoint() {
    return host() + ":" + kmip.endpoint().port();
  }

  Map<String, Object> toJson(boolean withPublicCa) {
    KmipEndpoint rsa = account.servesRsaKmipEndpoints ? rsaKmip() : null;
    String state = justOrdered && Instant.now().isBefore(createdAt.plus(account.pace.step())) ? "IN_CREATION" : "OK";
    return Models.object(
        "id", id,
        "region", region,
        "kmipEndpoint", kmipEndpoint(),
        "kmipRsaEndpoint", rsa == null ? null : host() + ":" + rsa.endpoint().port(),
        "restEndpoint", "https://localhost:" + kmip.endpoint().port(),
        "swaggerEndpoint", "https://localhost:" + kmip.endpoint().port() + "/swagger",
        "publicCA", withPublicCa ? ca.certificatePem() : null,
        "publicRsaCA", rsa != null && withPublicCa ? rsaCa.certificatePem() : null,
        "kmipObjectCount", kmip.objects().count(),
        "serviceKeyCount", 0L,
        "secretCount", 0L,
        "secretVersionCount", 0L,
        "iam", Models.object("id", id, "urn", urn(), "displayName", id, "state", state,
            "tags", Map.of("ovh:region", region)));
  }
}
