package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.ovh.OvhEndpoint.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** IAM policies of API v2 ({@code /v2/iam}). */
public final class IamApi {
  private final OvhApi api;

  public IamApi(OvhApi api) {
    this.api = api;
  }

  public List<Policy> policies() {
    return api.getAllPages("/iam/policy", Map.of(), Policy.class);
  }

  public Policy policy(String policyId) {
    return api.get(Version.V2, "/iam/policy/" + policyId, Map.of(), Policy.class);
  }

  public Policy create(PolicyRequest request) {
    return api.post(Version.V2, "/iam/policy", request, Policy.class);
  }

  public Policy update(String policyId, PolicyRequest request) {
    return api.put(Version.V2, "/iam/policy/" + policyId, request, Policy.class);
  }

  public void delete(String policyId) {
    api.delete(Version.V2, "/iam/policy/" + policyId, Void.class);
  }

  /** The actions IAM knows for {@code resourceType}, such as {@code okms} or {@code pccVMware}. */
  public List<Action> actions(String resourceType) {
    return api.getAllPages("/iam/reference/action", Map.of("resourceType", resourceType), Action.class);
  }

  /** {@code iam.policy.Creation} and {@code iam.policy.Update}. */
  public record PolicyRequest(String name, String description, List<String> identities,
      List<ResourceRef> resources, Permissions permissions) {}

  /** {@code iam.policy.Resource}. */
  public record ResourceRef(String urn) {}

  /** {@code iam.policy.Permissions}. */
  public record Permissions(List<ActionRef> allow, List<ActionRef> except, List<ActionRef> deny) {
    public static Permissions allowing(List<String> actions) {
      return new Permissions(actions.stream().map(ActionRef::new).toList(), null, null);
    }
  }

  /** {@code iam.policy.Action}. */
  public record ActionRef(String action) {}

  /** {@code iam.policy.Response}. */
  public record Policy(String id, String name, String description, List<String> identities,
      List<ResourceRef> resources, Permissions permissions, String owner, boolean readOnly, Instant createdAt,
      Instant updatedAt) {}

  /** {@code iam.reference.Action}. */
  public record Action(String action, String description, String resourceType, List<String> categories) {}
}
