package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.okmsvm.core.ovh.OvhEndpoint.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Hosted Private Cloud routes of API v1 ({@code /v1/dedicatedCloud}) for VM encryption. */
public final class PccApi {
  private static final TypeReference<List<Long>> IDS = new TypeReference<>() {};

  private final OvhApi api;

  public PccApi(OvhApi api) {
    this.api = api;
  }

  public DedicatedCloud dedicatedCloud(String serviceName) {
    return api.get(Version.V1, path(serviceName, ""), Map.of(), DedicatedCloud.class);
  }

  public VmEncryption vmEncryption(String serviceName) {
    return api.get(Version.V1, path(serviceName, "/vmEncryption"), Map.of(), VmEncryption.class);
  }

  public List<Long> kmsIds(String serviceName) {
    return api.get(Version.V1, path(serviceName, "/vmEncryption/kms"), Map.of(), IDS);
  }

  public Kms kms(String serviceName, long kmsId) {
    return api.get(Version.V1, path(serviceName, "/vmEncryption/kms/" + kmsId), Map.of(), Kms.class);
  }

  /** Registers a KMS; the answer is the task, not the entry (whose id appears in the list once it exists). */
  public Task createKms(String serviceName, KmsCreation creation) {
    return api.post(Version.V1, path(serviceName, "/vmEncryption/kms"), creation, Task.class);
  }

  public Task deleteKms(String serviceName, long kmsId) {
    return api.delete(Version.V1, path(serviceName, "/vmEncryption/kms/" + kmsId), Task.class);
  }

  public Task changeKmsProperties(String serviceName, long kmsId, KmsChange change) {
    return api.post(Version.V1, path(serviceName, "/vmEncryption/kms/" + kmsId + "/changeProperties"), change,
        Task.class);
  }

  public Task task(String serviceName, long taskId) {
    return api.get(Version.V1, path(serviceName, "/task/" + taskId), Map.of(), Task.class);
  }

  /** Task ids, optionally only those in {@code state} and named {@code name} (null for any). */
  public List<Long> taskIds(String serviceName, TaskState state, String name) {
    Map<String, Object> query = new LinkedHashMap<>();
    if (state != null) {
      query.put("state", state.wireName());
    }
    if (name != null) {
      query.put("name", name);
    }
    return api.get(Version.V1, path(serviceName, "/task"), query, IDS);
  }

  public List<Long> userIds(String serviceName) {
    return api.get(Version.V1, path(serviceName, "/user"), Map.of(), IDS);
  }

  public User user(String serviceName, long userId) {
    return api.get(Version.V1, path(serviceName, "/user/" + userId), Map.of(), User.class);
  }

  /** Gives or takes the right to manage encryption (KMS configuration) to a PCC user. */
  public Task changeEncryptionRight(String serviceName, long userId, boolean encryptionRight) {
    return api.post(Version.V1, path(serviceName, "/user/" + userId + "/changeProperties"),
        Map.of("encryptionRight", encryptionRight), Task.class);
  }

  private static String path(String serviceName, String rest) {
    return "/dedicatedCloud/" + serviceName + rest;
  }

  /** {@code dedicatedCloud.dedicatedCloudWithIAM}, the fields this product reads. */
  public record DedicatedCloud(String serviceName, String description, String location, String state,
      String managementInterface, String webInterfaceUrl, IamMetadata iam) {}

  /** {@code dedicatedCloud.VMEncryption}. */
  public record VmEncryption(String state) {}

  /** {@code dedicatedCloud.VMEncryptionAccessNetwork}. */
  public record Kms(long kmsId, String ip, String description, String sslThumbprint, long kmsTcpPort,
      KmsState state) {}

  /** {@code dedicatedCloud.optionAccessNetwork.StateEnum}. */
  public enum KmsState {
    @JsonProperty("creating") CREATING,
    @JsonProperty("deleting") DELETING,
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("error") ERROR,
    @JsonProperty("toCreate") TO_CREATE,
    @JsonProperty("toDelete") TO_DELETE,
    @JsonProperty("toUpdate") TO_UPDATE,
    @JsonProperty("updating") UPDATING,
    @JsonProperty("unknown") @JsonEnumDefaultValue UNKNOWN
  }

  /** The body of {@code POST …/vmEncryption/kms}. */
  public record KmsCreation(String ip, String sslThumbprint, String description) {}

  /** The body of {@code POST …/vmEncryption/kms/{kmsId}/changeProperties}. */
  public record KmsChange(String sslThumbprint, String description) {}

  /** {@code dedicatedCloud.Task}. */
  public record Task(long taskId, String name, String type, String description, long progress, TaskState state,
      Instant executionDate, Instant lastModificationDate, Instant endDate) {}

  /** {@code dedicatedCloud.TaskStateEnum}. */
  public enum TaskState {
    @JsonProperty("canceled") CANCELED,
    @JsonProperty("doing") DOING,
    @JsonProperty("done") DONE,
    @JsonProperty("error") ERROR,
    @JsonProperty("fixing") FIXING,
    @JsonProperty("toCancel") TO_CANCEL,
    @JsonProperty("toCreate") TO_CREATE,
    @JsonProperty("todo") TODO,
    @JsonProperty("waitingForChilds") WAITING_FOR_CHILDS,
    @JsonProperty("waitingTodo") WAITING_TODO,
    @JsonProperty("unknown") @JsonEnumDefaultValue UNKNOWN;

    /** The name on the wire, such as {@code todo}. */
    public String wireName() {
      try {
        return TaskState.class.getField(name()).getAnnotation(JsonProperty.class).value();
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }

    public boolean isFinal() {
      return this == DONE || this == ERROR || this == CANCELED;
    }
  }

  /** {@code dedicatedCloud.User}, the fields this product reads. */
  public record User(long userId, String login, String name, boolean encryptionRight, String state) {}
}
