package io.github.okmsvm.sandbox.ovh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The state behind the sandbox API: one account, its OKMSs, PCCs, orders and IAM policies. */
final class SandboxAccount {
  final String nichandle;
  final String subsidiary;
  final Map<String, SandboxOkms> okms = new LinkedHashMap<>();
  final Map<String, SandboxPcc> pccs = new LinkedHashMap<>();
  /** IAM policies by id, as {@code /v2/iam/policy} returns them. Guarded by itself. */
  final Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
  /** Whether OKMSs answer the nullable {@code kmipRsaEndpoint} / {@code publicRsaCA} pair (off: null, as most do). */
  volatile boolean servesRsaKmipEndpoints;
  /** How fast orders, credentials and PCC tasks move on. */
  final StatePace pace = new StatePace();

  SandboxAccount(String nichandle, String subsidiary) {
    this.nichandle = nichandle;
    this.subsidiary = subsidiary;
  }

  String accountUrn() {
    return "urn:v1:eu:identity:account:" + nichandle;
  }

  synchronized SandboxOkms provisionOkms(String region, boolean justOrdered) {
    SandboxOkms created = new SandboxOkms(UUID.randomUUID().toString(), region, justOrdered, this);
    okms.put(created.id, created);
    return created;
  }

  synchronized SandboxPcc addPcc(String serviceName) {
    SandboxPcc pcc = new SandboxPcc(serviceName, pace);
    pccs.put(serviceName, pcc);
    return pcc;
  }

  void close() {
    pace.close();
    okms.values().forEach(SandboxOkms::close);
  }
}
