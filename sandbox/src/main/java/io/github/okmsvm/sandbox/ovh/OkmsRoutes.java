package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.tls.CsrDetails;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsException;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** {@code /v2/okms}: reference regions, OKMS resources and their credentials, with OKMS's validation and signing. */
final class OkmsRoutes {
  static final List<String> REGIONS = List.of("ap-south-mum", "ap-southeast-sgp", "ap-southeast-syd",
      "ca-east-bhs", "ca-east-tor", "eu-central-waw", "eu-south-mil", "eu-west-eri", "eu-west-gra", "eu-west-lim",
      "eu-west-par", "eu-west-rbx", "eu-west-sbg");
  private static final Pattern IDENTITY_URN = Pattern.compile("urn:v1:(eu|ca|us):identity:[a-z]+:[A-Za-z0-9._/@-]+");

  private final SandboxAccount account;

  OkmsRoutes(SandboxAccount account) {
    this.account = account;
  }

  void register(OvhApiServer server) {
    server.pagedRoute("/okms/reference/regions", "okms:apiovh:reference/get", call -> Reply.ok(regions()));
    server.pagedRoute("/okms/resource", "okms:apiovh:resource/get",
        call -> Reply.ok(resources(call.query.get("iamTags"))));
    server.route("GET", "v2", "/okms/resource/{okmsId}", "okms:apiovh:resource/get",
        call -> Reply.ok(okms(call).toJson("true".equals(call.query.get("publicCA")))));
    server.pagedRoute("/okms/resource/{okmsId}/credential", "okms:apiovh:credential/get",
        call -> Reply.ok(credentials(okms(call))));
    server.route("POST", "v2", "/okms/resource/{okmsId}/credential", "okms:apiovh:credential/create",
        call -> Reply.ok(create(okms(call), call)));
    server.route("GET", "v2", "/okms/resource/{okmsId}/credential/{credentialId}", "okms:apiovh:credential/get",
        call -> Reply.ok(credential(okms(call), call.param("credentialId")).toJson()));
    server.route("DELETE", "v2", "/okms/resource/{okmsId}/credential/{credentialId}",
        "okms:apiovh:credential/delete", call -> Reply.ok(delete(okms(call), call.param("credentialId"))));
    server.pagedRoute("/okms/resource/{okmsId}/serviceKey", "okms:apiovh:serviceKey/get", call -> {
      okms(call);
      return Reply.ok(List.of());
    });
    server.route("GET", "v2", "/okms/resource/{okmsId}/serviceKey/{keyId}", "okms:apiovh:serviceKey/get", call -> {
      okms(call);
      throw ApiError.noSuchObject("keyId", call.param("keyId"));
    });
  }

  private List<Object> regions() {
    List<Object> regions = new ArrayList<>();
    for (String region : REGIONS) {
      regions.add(Models.object("id", region, "kmipEndpoint", region + ".okms.ovh.net:5696", "restEndpoint",
          "https://" + region + ".okms.ovh.net", "type", "REGION-1-AZ", "certifications", List.of("STANDARD")));
    }
    return regions;
  }

  /** The OKMSs whose tags match every filter of {@code iamTags} (operators EQ and EXISTS), as URL-encoded JSON. */
  private List<Object> resources(String iamTags) {
    JsonNode filters;
    try {
      filters = iamTags == null ? null : io.github.okmsvm.core.common.Json.mapper().readTree(iamTags);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("Invalid iamTags: expected a JSON object of tag filters");
    }
    synchronized (account) {
      List<Object> resources = new ArrayList<>();
      for (SandboxOkms okms : account.okms.values()) {
        if (filters == null || matches(Map.of("ovh:region", okms.region), filters)) {
          resources.add(okms.toJson(false));
        }
      }
      return resources;
    }
  }

  private static boolean matches(Map<String, String> tags, JsonNode filters) {
    for (var entries = filters.fields(); entries.hasNext(); ) {
      var entry = entries.next();
      for (JsonNode filter : entry.getValue()) {
        String operator = filter.path("operator").asText("EQ");
        String value = tags.get(entry.getKey());
        boolean ok = switch (operator) {
          case "EXISTS" -> value != null;
          case "NEXISTS" -> value == null;
          case "NEQ" -> !filter.path("value").asText().equals(value);
          default -> filter.path("value").asText().equals(value);
        };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private SandboxOkms okms(Call call) {
    String id = call.param("okmsId");
    synchronized (account) {
      SandboxOkms okms = account.okms.get(id);
      if (okms == null) {
        throw ApiError.noSuchObject("okmsId", id);
      }
      return okms;
    }
  }

  private static List<Object> credentials(SandboxOkms okms) {
    synchronized (okms) {
      return new ArrayList<>(okms.credentials.values().stream().map(SandboxCredential::toJson).toList());
    }
  }

  private static SandboxCredential credential(SandboxOkms okms, String id) {
    synchronized (okms) {
      SandboxCredential credential = okms.credentials.get(id);
      if (credential == null) {
        throw ApiError.noSuchObject("credentialId", id);
      }
      return credential;
    }
  }

  private static Map<String, Object> delete(SandboxOkms okms, String id) {
    synchronized (okms) {
      SandboxCredential credential = credential(okms, id);
      if (!credential.status.equals("READY")) {
        throw ApiError.badRequest("CredentialStatusInvalid", "credential " + id + " is " + credential.status
            + ": only a READY credential can be deleted");
      }
      okms.credentials.remove(id);
      okms.revoked.put(credential.certificatePem, credential.id);
      credential.status = "DELETING";
      return credential.toJson();
    }
  }

  private Map<String, Object> create(SandboxOkms okms, Call call) {
    JsonNode body = call.json();
    String name = call.text("name");
    if (name.length() > 50) {
      throw ApiError.badRequest("CredentialNameMaximumExceeded", "name must be at most 50 characters");
    }
    List<String> identities = new ArrayList<>();
    if (body.has("identityURNs") && body.get("identityURNs").isArray()) {
      body.get("identityURNs").forEach(urn -> identities.add(urn.asText()));
    }
    if (identities.isEmpty()) {
      throw ApiError.badRequest("CredentialIdentityURNsMinimumRequired", "identityURNs needs at least one URN");
    }
    if (identities.size() > 25) {
      throw ApiError.badRequest("CredentialIdentityURNsMaximumExceeded", "identityURNs holds at most 25 URNs");
    }
    for (String urn : identities) {
      if (!IDENTITY_URN.matcher(urn).matches()) {
        throw ApiError.badRequest("CredentialIdentityURNsInvalidURN", "identityURNs: '" + urn
            + "' is not an identity URN");
      }
    }
    String csrPem = call.optionalText("csr");
    String certificateType = call.optionalText("certificateType");
    if (csrPem != null && certificateType != null) {
      throw ApiError.badRequest("CredentialCertificateTypeIncompatibleFields",
          "certificateType is incompatible with csr");
    }
    if (certificateType != null && !certificateType.equals("ECDSA") && !certificateType.equals("RSA")) {
      throw ApiError.badRequest("CredentialCertificateTypeInvalidEnum", "certificateType must be ECDSA or RSA");
    }
    long validity = body.hasNonNull("validity") ? body.get("validity").asLong() : 365;
    if (validity > 365) {
      throw ApiError.badRequest("CredentialValidityMaximumExceeded", "validity is at most 365 days");
    }
    if (validity < 1) {
      throw ApiError.badRequest("CredentialValidityMinimumRequired", "validity is at least 1 day");
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    Instant expiry = now.plus(Duration.ofDays(validity));
    CertificateAuthority.Template template = CertificateAuthority.template("CN=" + okms.id)
        .serial(new BigInteger(id.toString().replace("-", ""), 16))
        .validity(now.minus(Duration.ofMinutes(1)), expiry)
        .userPrincipalName("okms.domain:" + okms.id)
        .clientAuth();
    String certificatePem;
    String privateKeyPem = null;
    String type;
    if (csrPem != null) {
      PKCS10CertificationRequest csr;
      try {
        csr = Pem.csr(csrPem, "csr");
      } catch (TlsException e) {
        throw ApiError.badRequest("CredentialCSRInvalidCharacter", "csr is not a PEM certificate signing request");
      }
      if (!CsrDetails.of(csr).signatureValid()) {
        throw ApiError.badRequest("CredentialCSRInvalidCharacter", "csr signature does not verify");
      }
      certificatePem = Pem.write(okms.ca.sign(template.withKey(CsrDetails.publicKey(csr))));
      type = CsrDetails.publicKey(csr).getAlgorithm().equals("RSA") ? "RSA" : "ECDSA";
    } else {
      type = certificateType == null ? "ECDSA" : certificateType;
      KeyAndChain issued = okms.ca.issue(type.equals("RSA") ? CertificateAuthority.KeyType.RSA_2048
          : CertificateAuthority.KeyType.EC_P256, template);
      certificatePem = Pem.write(issued.certificate());
      privateKeyPem = Pem.write(issued.privateKey());
    }
    SandboxCredential credential = new SandboxCredential(id.toString(), name, call.optionalText("description"),
        identities, csrPem != null, type, now, expiry, certificatePem);
    synchronized (okms) {
      okms.credentials.put(credential.id, credential);
    }
    credential.readyAfter(account.pace);
    Map<String, Object> answer = credential.toJson();
    answer.remove("certificatePEM");
    answer.put("privateKeyPEM", privateKeyPem);
    return answer;
  }
}
