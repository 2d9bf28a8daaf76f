package io.github.okmsvm.jenkins;

import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhEndpoint;
import io.github.okmsvm.core.ovh.Secret;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimTls;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/** Connections that trust a sandbox's OVHcloud API CA; vCenter is reached as in production (pinned thumbprint). */
final class SandboxConnections implements StepConnections {
  private static final long serialVersionUID = 1L;
  private final transient SSLContext ovhTrust;

  SandboxConnections(SSLContext ovhTrust) {
    this.ovhTrust = ovhTrust;
  }

  @Override
  public OvhApi ovh(OvhEndpoint endpoint, OvhCredentials credentials, Consumer<String> log) {
    return OvhApi.builder().endpoint(endpoint).credentials(credentials).sslContext(ovhTrust).log(log).build();
  }

  @Override
  public VimClient vcenter(String server, String user, Secret password, VimTls tls, Consumer<String> log) {
    return VimClient.connect(server, user, password, tls, Duration.ofSeconds(30), log);
  }
}
