package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.core.tls.Thumbprint;
import io.github.okmsvm.sandbox.vcenter.KmsNetwork;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A PCC's firewall as its vCenter meets it: a KMS is reachable only while the PCC's KMS flow
 * ({@code /dedicatedCloud/{serviceName}/vmEncryption/kms}) has a delivered entry with that KMS's IPv4 address and the
 * SHA-1 thumbprint of the certificate it serves now. Anything else is dropped, which vCenter sees as a timeout.
 */
final class PccFirewall implements KmsNetwork {
  private final SandboxAccount account;
  private final SandboxPcc pcc;

  PccFirewall(SandboxAccount account, SandboxPcc pcc) {
    this.account = account;
    this.pcc = pcc;
  }

  @Override
  public Optional<String> blocked(String host, int port) {
    String ip;
    try {
      ip = InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    }
    Optional<Thumbprint> served = servedAt(port);
    synchronized (pcc) {
      boolean open = pcc.kms.values().stream().anyMatch(entry -> entry.state.equals("delivered")
          && entry.ip.equals(ip) && served.map(thumbprint -> thumbprint.matches(entry.thumbprint)).orElse(false));
      if (open) {
        return Optional.empty();
      }
    }
    return Optional.of("connect timed out: the firewall of " + pcc.serviceName + " drops traffic to " + ip + ":"
        + port + ", which no delivered KMS entry of its KMS flow names with "
        + served.map(thumbprint -> "the KMS's current SHA-1 thumbprint " + thumbprint.sha1())
            .orElse("a thumbprint"));
  }

  /** The thumbprint of the certificate the OKMS KMIP endpoint on {@code port} serves, if one listens there. */
  private Optional<Thumbprint> servedAt(int port) {
    synchronized (account) {
      return account.okms.values().stream().filter(okms -> okms.kmip.endpoint().port() == port).findFirst()
          .map(okms -> Thumbprint.of(okms.kmip.certificate()));
    }
  }
}
