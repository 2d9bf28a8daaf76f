package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code /v2/iam}: policies with the API's validation, and the reference actions of OKMS and PCC. */
final class IamRoutes {
  private static final Pattern URN = Pattern.compile("urn:v1:(eu|ca|us):(resource|identity):[A-Za-z]+:.+");
  private static final Map<String, List<String>> ACTIONS = Map.of(
      "okms", List.of("okms:apiovh:resource/get", "okms:apiovh:credential/get", "okms:apiovh:credential/create",
          "okms:apiovh:credential/delete", "okms:kmip:create", "okms:kmip:register", "okms:kmip:rekey",
          "okms:kmip:locate", "okms:kmip:get", "okms:kmip:getAttributes", "okms:kmip:addAttribute",
          "okms:kmip:activate", "okms:kmip:revoke", "okms:kmip:destroy", "okms:kmip:encrypt", "okms:kmip:decrypt"),
      "pccVMware", List.of("pccVMware:apiovh:get", "pccVMware:apiovh:vmEncryption/get",
          "pccVMware:apiovh:vmEncryption/kms/get", "pccVMware:apiovh:vmEncryption/kms/create",
          "pccVMware:apiovh:vmEncryption/kms/changeProperties", "pccVMware:apiovh:task/get",
          "pccVMware:vSphere:assumeRole?iam-admin"));

  private final SandboxAccount account;
  private final Map<String, Map<String, Object>> policies;

  IamRoutes(SandboxAccount account) {
    this.account = account;
    this.policies = account.policies;
  }

  void register(OvhApiServer server) {
    server.pagedRoute("/iam/policy", "account:apiovh:iam/policy/get", call -> {
      synchronized (policies) {
        return Reply.ok(new ArrayList<>(policies.values()));
      }
    });
    server.route("GET", "v2", "/iam/policy/{policyId}", "account:apiovh:iam/policy/get", call -> {
      synchronized (policies) {
        return Reply.ok(policy(call));
      }
    });
    server.route("POST", "v2", "/iam/policy", "account:apiovh:iam/policy/create", call -> {
      Map<String, Object> policy = validated(call);
      Instant now = Instant.now();
      policy.put("id", UUID.randomUUID().toString());
      policy.put("owner", account.nichandle);
      policy.put("readOnly", false);
      policy.put("createdAt", now.toString());
      policy.put("updatedAt", null);
      synchronized (policies) {
        for (Map<String, Object> existing : policies.values()) {
          if (existing.get("name").equals(policy.get("name"))) {
            throw new ApiError(409, "Client::Conflict::PolicyNameAlreadyExists",
                "A policy named " + policy.get("name") + " already exists", null);
          }
        }
        policies.put((String) policy.get("id"), policy);
      }
      return Reply.ok(policy);
    });
    server.route("PUT", "v2", "/iam/policy/{policyId}", "account:apiovh:iam/policy/edit", call -> {
      Map<String, Object> update = validated(call);
      synchronized (policies) {
        Map<String, Object> policy = policy(call);
        policy.putAll(update);
        policy.put("updatedAt", Instant.now().toString());
        return Reply.ok(policy);
      }
    });
    server.route("DELETE", "v2", "/iam/policy/{policyId}", "account:apiovh:iam/policy/delete", call -> {
      synchronized (policies) {
        policies.remove(policy(call).get("id"));
        return Reply.empty();
      }
    });
    server.pagedRoute("/iam/reference/action", "account:apiovh:iam/reference/action/get", call -> {
      String type = call.query.get("resourceType");
      List<Object> actions = new ArrayList<>();
      ACTIONS.forEach((resourceType, names) -> {
        if (type == null || type.equals(resourceType)) {
          names.forEach(action -> actions.add(Models.object("action", action, "categories", List.of("READ"),
              "description", action, "hasQueryParameters", action.contains("?"), "resourceType", resourceType)));
        }
      });
      return Reply.ok(actions);
    });
  }

  private Map<String, Object> policy(Call call) {
    Map<String, Object> policy = policies.get(call.param("policyId"));
    if (policy == null) {
      throw ApiError.noSuchObject("policyId", call.param("policyId"));
    }
    return policy;
  }

  private static Map<String, Object> validated(Call call) {
    JsonNode body = call.json();
    String name = call.text("name");
    List<String> identities = new ArrayList<>();
    body.path("identities").forEach(identity -> identities.add(identity.asText()));
    if (identities.isEmpty()) {
      throw ApiError.badRequest("[identities] Property is mandatory");
    }
    List<Object> resources = new ArrayList<>();
    for (JsonNode resource : body.path("resources")) {
      String urn = resource.path("urn").asText();
      if (!URN.matcher(urn).matches()) {
        throw ApiError.badRequest("Invalid URN " + urn);
      }
      resources.add(Models.object("urn", urn));
    }
    for (String identity : identities) {
      if (!URN.matcher(identity).matches()) {
        throw ApiError.badRequest("Invalid URN " + identity);
      }
    }
    if (resources.isEmpty()) {
      throw ApiError.badRequest("[resources] Property is mandatory");
    }
    if (!body.has("permissions") || !body.get("permissions").isObject()) {
      throw ApiError.badRequest("[permissions] Property is mandatory");
    }
    Map<String, Object> permissions = new LinkedHashMap<>();
    for (String kind : List.of("allow", "except", "deny")) {
      List<Object> actions = new ArrayList<>();
      body.get("permissions").path(kind).forEach(action -> actions.add(Models.object("action",
          action.path("action").asText())));
      permissions.put(kind, actions);
    }
    return Models.object("name", name, "description", call.optionalText("description"), "identities", identities,
        "resources", resources, "permissions", permissions, "permissionsGroups", List.of(), "conditions", null,
        "expiredAt", null);
  }
}
