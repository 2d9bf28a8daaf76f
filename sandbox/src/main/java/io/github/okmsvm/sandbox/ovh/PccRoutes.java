package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code /v1/dedicatedCloud}: the PCC, its VM-encryption KMS entries, tasks and users' encryption right. */
final class PccRoutes {
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern THUMBPRINT = Pattern.compile("([0-9A-Fa-f]{2}:){19}[0-9A-Fa-f]{2}");

  private final SandboxAccount account;

  PccRoutes(SandboxAccount account) {
    this.account = account;
  }

  void register(OvhApiServer server) {
    String base = "/dedicatedCloud/{serviceName}";
    server.route("GET", "v1", base, "pccVMware:apiovh:get", call -> Reply.ok(pcc(call).toJson()));
    server.route("GET", "v1", base + "/vmEncryption", "pccVMware:apiovh:vmEncryption/get", call -> {
      SandboxPcc pcc = pcc(call);
      synchronized (pcc) {
        boolean delivered = pcc.kms.values().stream().anyMatch(kms -> kms.state.equals("delivered"));
        return Reply.ok(Models.object("state", delivered ? "enabled" : "disabled"));
      }
    });
    server.route("GET", "v1", base + "/vmEncryption/kms", "pccVMware:apiovh:vmEncryption/kms/get", call -> {
      SandboxPcc pcc = pcc(call);
      synchronized (pcc) {
        return Reply.ok(List.copyOf(pcc.kms.keySet()));
      }
    });
    server.route("GET", "v1", base + "/vmEncryption/kms/{kmsId}", "pccVMware:apiovh:vmEncryption/kms/get",
        call -> {
          SandboxPcc pcc = pcc(call);
          synchronized (pcc) {
            return Reply.ok(kms(pcc, call).toJson());
          }
        });
    server.route("POST", "v1", base + "/vmEncryption/kms", "pccVMware:apiovh:vmEncryption/kms/create",
        call -> Reply.ok(createKms(pcc(call), call)));
    server.route("POST", "v1", base + "/vmEncryption/kms/{kmsId}/changeProperties",
        "pccVMware:apiovh:vmEncryption/kms/changeProperties", call -> Reply.ok(changeKms(pcc(call), call)));
    server.route("DELETE", "v1", base + "/vmEncryption/kms/{kmsId}", "pccVMware:apiovh:vmEncryption/kms/delete",
        call -> {
          SandboxPcc pcc = pcc(call);
          synchronized (pcc) {
            SandboxPcc.Kms entry = kms(pcc, call);
            entry.state = "deleting";
            SandboxPcc.Task task = pcc.newTask("removeVmEncryptionKms", () -> pcc.kms.remove(entry.id));
            entry.pending = task;
            return Reply.ok(task.toJson());
          }
        });
    server.route("GET", "v1", base + "/task", "pccVMware:apiovh:task/get", call -> {
      SandboxPcc pcc = pcc(call);
      synchronized (pcc) {
        return Reply.ok(pcc.tasks.values().stream()
            .filter(task -> call.query.get("state") == null || task.state.equals(call.query.get("state")))
            .filter(task -> call.query.get("name") == null || task.name.equals(call.query.get("name")))
            .map(task -> task.id).toList());
      }
    });
    server.route("GET", "v1", base + "/task/{taskId}", "pccVMware:apiovh:task/get", call -> {
      SandboxPcc pcc = pcc(call);
      synchronized (pcc) {
        SandboxPcc.Task task = pcc.tasks.get(longParam(call, "taskId"));
        if (task == null) {
          throw ApiError.noSuchObject("taskId", call.param("taskId"));
        }
        return Reply.ok(task.toJson());
      }
    });
    server.route("GET", "v1", base + "/user", "pccVMware:apiovh:user/get", call -> {
      SandboxPcc pcc = pcc(call);
      synchronized (pcc) {
        return Reply.ok(List.copyOf(pcc.users.keySet()));
      }
    });
    server.route("GET", "v1", base + "/user/{userId}", "pccVMware:apiovh:user/get", call -> {
      SandboxPcc pcc = pcc(call);
      synchronized (pcc) {
        return Reply.ok(user(pcc, call).toJson());
      }
    });
    server.route("POST", "v1", base + "/user/{userId}/changeProperties", "pccVMware:apiovh:user/changeProperties",
        call -> {
          SandboxPcc pcc = pcc(call);
          JsonNode body = call.json();
          synchronized (pcc) {
            SandboxPcc.User user = user(pcc, call);
            boolean right = body.path("encryptionRight").asBoolean(user.encryptionRight);
            return Reply.ok(pcc.newTask("changeUserProperties", () -> user.encryptionRight = right).toJson());
          }
        });
  }

  private Map<String, Object> createKms(SandboxPcc pcc, Call call) {
    String ip = call.text("ip");
    String thumbprint = call.text("sslThumbprint");
    if (!IPV4.matcher(ip).matches()) {
      throw ApiError.badRequest("[ip] Given data (" + ip + ") is not valid for type ipv4");
    }
    if (!THUMBPRINT.matcher(thumbprint).matches()) {
      throw ApiError.badRequest("[sslThumbprint] must be a SHA-1 thumbprint such as A7:61:68:...:2F");
    }
    synchronized (pcc) {
      SandboxPcc.Kms entry = pcc.newKms(ip, thumbprint, call.optionalText("description"));
      entry.state = "creating";
      SandboxPcc.Task task = pcc.newTask("addVmEncryptionKms", () -> {
        entry.state = "delivered";
        entry.pending = null;
      });
      entry.pending = task;
      return task.toJson();
    }
  }

  private Map<String, Object> changeKms(SandboxPcc pcc, Call call) {
    String thumbprint = call.text("sslThumbprint");
    if (!THUMBPRINT.matcher(thumbprint).matches()) {
      throw ApiError.badRequest("[sslThumbprint] must be a SHA-1 thumbprint such as A7:61:68:...:2F");
    }
    synchronized (pcc) {
      SandboxPcc.Kms entry = kms(pcc, call);
      entry.state = "updating";
      SandboxPcc.Task task = pcc.newTask("modifyVmEncryptionKms", () -> {
        entry.thumbprint = thumbprint;
        entry.state = "delivered";
        entry.pending = null;
      });
      entry.pending = task;
      return task.toJson();
    }
  }

  private SandboxPcc pcc(Call call) {
    String serviceName = call.param("serviceName");
    synchronized (account) {
      SandboxPcc pcc = account.pccs.get(serviceName);
      if (pcc == null) {
        throw ApiError.noSuchObject("serviceName", serviceName);
      }
      return pcc;
    }
  }

  private static SandboxPcc.Kms kms(SandboxPcc pcc, Call call) {
    SandboxPcc.Kms entry = pcc.kms.get(longParam(call, "kmsId"));
    if (entry == null) {
      throw ApiError.noSuchObject("kmsId", call.param("kmsId"));
    }
    return entry;
  }

  private static SandboxPcc.User user(SandboxPcc pcc, Call call) {
    SandboxPcc.User user = pcc.users.get(longParam(call, "userId"));
    if (user == null) {
      throw ApiError.noSuchObject("userId", call.param("userId"));
    }
    return user;
  }

  private static long longParam(Call call, String name) {
    try {
      return Long.parseLong(call.param(name));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("[" + name + "] Given data (" + call.param(name) + ") is not valid for type long");
    }
  }
}
