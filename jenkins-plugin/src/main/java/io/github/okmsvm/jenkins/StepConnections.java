package io.github.okmsvm.jenkins;

import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhEndpoint;
import io.github.okmsvm.core.ovh.Secret;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimTls;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Opens the OVHcloud API and vCenter connections for a step, trusting the system's CAs (and vCenter's pinned
 * thumbprint when given). A step context may provide another (tests trust a sandbox's CA).
 */
public interface StepConnections extends Serializable {
  OvhApi ovh(OvhEndpoint endpoint, OvhCredentials credentials, Consumer<String> log);

  VimClient vcenter(String server, String user, Secret password, VimTls tls, Consumer<String> log);

  StepConnections SYSTEM_TRUST = new StepConnections() {
    private static final long serialVersionUID = 1L;

    @Override
    public OvhApi ovh(OvhEndpoint endpoint, OvhCredentials credentials, Consumer<String> log) {
      return OvhApi.builder().endpoint(endpoint).credentials(credentials).log(log).build();
    }

    @Override
    public VimClient vcenter(String server, String user, Secret password, VimTls tls, Consumer<String> log) {
      return VimClient.connect(server, user, password, tls, Duration.ofSeconds(60), log);
    }
  };
}
