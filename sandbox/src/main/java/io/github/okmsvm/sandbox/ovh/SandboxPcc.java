package io.github.okmsvm.sandbox.ovh;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Hosted Private Cloud of the sandbox with its VM-encryption KMS entries, users and tasks. A task moves on with
 * time, one state step at a time ({@code todo} → {@code doing} → {@code done}); a KMS entry is delivered when its task
 * is done.
 */
final class SandboxPcc {
  final String serviceName;
  final Map<Long, Kms> kms = new LinkedHashMap<>();
  final Map<Long, Task> tasks = new LinkedHashMap<>();
  final Map<Long, User> users = new LinkedHashMap<>();
  private long nextKmsId = 1;
  private long nextTaskId = 9_000_001;

  private final StatePace pace;

  SandboxPcc(String serviceName, StatePace pace) {
    this.pace = pace;
    this.serviceName = serviceName;
    users.put(1L, new User(1, "admin", false));
  }

  String urn() {
    return "urn:v1:eu:resource:pccVMware:" + serviceName;
  }

  /** A KMS entry: {@code ip}, {@code sslThumbprint} and its state. */
  static final class Kms {
    final long id;
    final String ip;
    final String description;
    String thumbprint;
    String state;
    Task pending;

    Kms(long id, String ip, String thumbprint, String description) {
      this.id = id;
      this.ip = ip;
      this.thumbprint = thumbprint;
      this.description = description;
    }

    Map<String, Object> toJson() {
      return Models.object("kmsId", id, "ip", ip, "description", description == null ? "" : description,
          "sslThumbprint", thumbprint, "kmsTcpPort", 5696L, "state", state);
    }
  }

  /** A PCC task and what happens when it is done. */
  static final class Task {
    final long id;
    final String name;
    final Instant created = Instant.now();
    final Runnable onDone;
    String state = "todo";
    Instant modified = created;

    Task(long id, String name, Runnable onDone) {
      this.id = id;
      this.name = name;
      this.onDone = onDone;
    }

    void advance() {
      if (state.equals("todo")) {
        state = "doing";
      } else if (state.equals("doing")) {
        state = "done";
        onDone.run();
      }
      modified = Instant.now();
    }

    Map<String, Object> toJson() {
      return Models.object("taskId", id, "name", name, "type", "generic", "description", name, "progress",
          state.equals("done") ? 100L : state.equals("doing") ? 50L : 0L, "state", state, "executionDate",
          created.toString(), "lastModificationDate", modified.toString(), "endDate",
          state.equals("done") ? modified.toString() : null, "createdBy", "sandbox", "createdFrom", "API",
          "datacenterId", null, "filerId", null, "hostId", null, "maintenanceDateFrom", null, "maintenanceDateTo",
          null, "network", null, "networkAccessId", null, "orderId", null, "parentTaskId", null, "userId", null,
          "vlanId", null);
    }
  }

  /** A PCC user and its encryption right. */
  static final class User {
    final long id;
    final String login;
    boolean encryptionRight;

    User(long id, String login, boolean encryptionRight) {
      this.id = id;
      this.login = login;
      this.encryptionRight = encryptionRight;
    }

    Map<String, Object> toJson() {
      return Models.object("userId", id, "login", login, "name", login, "encryptionRight", encryptionRight,
          "canManageIpFailOvers", false, "canManageNetwork", false, "canManageRights", true, "fullAdminRo", false,
          "isEnableManageable", true, "isTokenValidator", false, "nsxRight", false, "receiveAlerts", false,
          "state", "delivered", "activationState", "enabled", "email", null, "firstName", null, "lastName", null,
          "phoneNumber", null, "activeDirectoryId", null, "activeDirectoryType", null, "identityProviderId", null,
          "identityProviderType", null, "type", null);
    }
  }

  /** A task that is {@code doing} one state step from now and {@code done} (its work applied) one step later. */
  Task newTask(String name, Runnable onDone) {
    Task task = new Task(nextTaskId++, name, onDone);
    tasks.put(task.id, task);
    pace.after(1, () -> {
      synchronized (this) {
        task.advance();
      }
    });
    pace.after(2, () -> {
      synchronized (this) {
        task.advance();
      }
    });
    return task;
  }

  Kms newKms(String ip, String thumbprint, String description) {
    Kms entry = new Kms(nextKmsId++, ip, thumbprint, description);
    kms.put(entry.id, entry);
    return entry;
  }

  Map<String, Object> toJson() {
    return Models.object("serviceName", serviceName, "description", "Sandbox PCC " + serviceName,
        "advancedSecurity", false, "bandwidth", "1 Gbps", "billingType", "monthly", "canMigrateToVCD", false,
        "certifiedInterfaceUrl", "https://" + serviceName + ".sandbox.invalid/", "commercialRange", "2018v7",
        "generation", "2.0", "location", "rbx2", "managementInterface", "vsphere", "productReference", "EPCC",
        "servicePackName", "default", "spla", false, "sslV3", false, "state", "delivered", "userAccessPolicy",
        "open", "userLimitConcurrentSession", 50L, "userLogoutPolicy", "first", "userSessionTimeout", 1800L,
        "vScopeUrl", "https://" + serviceName + ".sandbox.invalid/vScope", "version",
        Models.object("build", "22837322", "major", "8.0", "minor", "3"), "webInterfaceUrl",
        "https://" + serviceName + ".sandbox.invalid/ui", "iam",
        Models.object("id", java.util.UUID.nameUUIDFromBytes(serviceName.getBytes()).toString(), "urn", urn(),
            "displayName", serviceName, "state", "OK", "tags", Map.of()));
  }
}
