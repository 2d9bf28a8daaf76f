package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.okmsvm.core.ovh.OvhEndpoint.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OKMS routes of API v2 ({@code /v2/okms}) that the guide uses. */
public final class OkmsApi {
  private final OvhApi api;

  public OkmsApi(OvhApi api) {
    this.api = api;
  }

  public List<Region> regions() {
    return api.getAllPages("/okms/reference/regions", Map.of(), Region.class);
  }

  /** Every OKMS of the account; {@code iamTags} filters by tag (null for all). */
  public List<Resource> resources(Map<String, List<TagFilter>> iamTags) {
    Map<String, Object> query = new LinkedHashMap<>();
    if (iamTags != null && !iamTags.isEmpty()) {
      query.put("iamTags", iamTags);
    }
    return api.getAllPages("/okms/resource", query, Resource.class);
  }

  public Resource resource(String okmsId, boolean withPublicCa) {
    return api.get(Version.V2, "/okms/resource/" + okmsId, withPublicCa ? Map.of("publicCA", "true") : Map.of(),
        Resource.class);
  }

  public List<Credential> credentials(String okmsId) {
    return api.getAllPages("/okms/resource/" + okmsId + "/credential", Map.of(), Credential.class);
  }

  public Credential credential(String okmsId, String credentialId) {
    return api.get(Version.V2, "/okms/resource/" + okmsId + "/credential/" + credentialId, Map.of(),
        Credential.class);
  }

  public CreatedCredential createCredential(String okmsId, CredentialCreation creation) {
    return api.post(Version.V2, "/okms/resource/" + okmsId + "/credential", creation, CreatedCredential.class);
  }

  /** Revokes and deletes; answers the credential as it was. */
  public Credential deleteCredential(String okmsId, String credentialId) {
    return api.delete(Version.V2, "/okms/resource/" + okmsId + "/credential/" + credentialId, Credential.class);
  }

  public List<ServiceKey> serviceKeys(String okmsId) {
    return api.getAllPages("/okms/resource/" + okmsId + "/serviceKey", Map.of(), ServiceKey.class);
  }

  public ServiceKey serviceKey(String okmsId, String keyId) {
    return api.get(Version.V2, "/okms/resource/" + okmsId + "/serviceKey/" + keyId, Map.of(), ServiceKey.class);
  }

  /** {@code iam.resource.TagFilter}. */
  public record TagFilter(String operator, String value) {
    public static TagFilter equalTo(String value) {
      return new TagFilter("EQ", value);
    }
  }

  /** {@code okms.reference.Region}; {@code id} stays a string since the region list keeps growing. */
  public record Region(String id, String kmipEndpoint, String restEndpoint, String type,
      List<String> certifications) {}

  /** {@code okms.resource.ResponseWithIAM}. */
  public record Resource(String id, String region, String kmipEndpoint, String kmipRsaEndpoint,
      String restEndpoint, String swaggerEndpoint, @JsonProperty("publicCA") String publicCA,
      @JsonProperty("publicRsaCA") String publicRsaCA, long kmipObjectCount, IamMetadata iam) {}

  /** {@code okms.CredentialStatusEnum}. */
  public enum CredentialStatus {
    CREATING,
    DELETING,
    ERROR,
    EXPIRED,
    READY,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** {@code okms.CertificateTypeEnum}. */
  public enum CertificateType {
    ECDSA,
    RSA,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** {@code okms.credential.Creation}. Never give {@code certificateType} with a {@code csr}: the API refuses it. */
  public record CredentialCreation(String name, @JsonProperty("identityURNs") List<String> identityURNs,
      String description, Long validity, String csr, CertificateType certificateType) {}

  /** {@code okms.credential.GetResponse}. */
  public record Credential(String id, String name, String description,
      @JsonProperty("identityURNs") List<String> identityURNs, CredentialStatus status,
      @JsonProperty("fromCSR") boolean fromCSR, CertificateType certificateType, Instant createdAt,
      Instant expiredAt, @JsonProperty("certificatePEM") String certificatePEM) {}

  /** {@code okms.credential.CreationResponse}: the private key, when OKMS made one, is shown this once. */
  public record CreatedCredential(String id, String name, String description,
      @JsonProperty("identityURNs") List<String> identityURNs, CredentialStatus status,
      @JsonProperty("fromCSR") boolean fromCSR, CertificateType certificateType, Instant createdAt,
      Instant expiredAt, @JsonProperty("privateKeyPEM") Secret privateKeyPEM) {}

  /** {@code okms.serviceKey.ResponseWithIAM}, without key material. */
  public record ServiceKey(String id, String name, String type, Integer size, String curve, String state,
      List<String> operations, Instant createdAt, IamMetadata iam) {}
}
