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
    // 127.0.0.1 for the first, 127.0.0.2 for the second, ...: Linux answers on all of 127.0.0.0/8
    byte[] ip = {127, 0, 0, (byte) (1 + okms.size() % 254)};
    java.net.InetAddress address;
    try {
      address = java.net.InetAddress.getByAddress(ip);
    } catch (java.net.UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
    SandboxOkms created = new SandboxOkms(UUID.randomUUID().toString(), region, justOrdered, this, address);
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
