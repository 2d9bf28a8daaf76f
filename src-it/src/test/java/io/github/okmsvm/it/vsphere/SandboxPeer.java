package io.github.okmsvm.it.vsphere;

import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimTls;
import io.github.okmsvm.core.wait.Poller;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox vCenter as a conformance peer, with a default key provider already connected to a sandbox OKMS (as
 * the guide's step 3 leaves it), so that applying an encryption policy can succeed.
 */
final class SandboxPeer implements VcenterPeer {
  private static final int VMS = 60;
  private final OkmsSandbox sandbox;

  private SandboxPeer(OkmsSandbox sandbox) {
    this.sandbox = sandbox;
  }

  static SandboxPeer start() {
    OkmsSandbox.Builder builder = OkmsSandbox.builder().existingOkms("eu-west-rbx")
        .vm("web-01", "prod", true, 2, false);
    for (int i = 2; i <= VMS; i++) {
      builder.vm(String.format("web-%02d", i), i % 2 == 0 ? "prod" : null, false, 1, false);
    }
    OkmsSandbox sandbox = builder.start();
    sandbox.vcenterServer().taskDuration(Duration.ofMillis(20));
    connectDefaultProvider(sandbox);
    return new SandboxPeer(sandbox);
  }

  private static void connectDefaultProvider(OkmsSandbox sandbox) {
    try (OvhApi ovh = OvhApi.builder().endpoint(sandbox.ovhEndpoint()).credentials(sandbox.serviceAccount())
            .sslContext(sandbox.clientSslContext()).build();
        VimClient vim = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(),
            sandbox.vcenterPassword(), sandbox.vcenterTls(), Duration.ofSeconds(30), line -> { })) {
      OkmsApi okms = new OkmsApi(ovh);
      OkmsApi.Resource resource = okms.resources(null).get(0);
      TlsEndpoint kmip = TlsEndpoint.parse(resource.kmipEndpoint(), TlsEndpoint.KMIP_PORT, "kmipEndpoint");
      CryptoManager crypto = new CryptoManager(vim);
      CryptoManager.KmipServer server = new CryptoManager.KmipServer("okms", kmip.host(), kmip.port());
      crypto.registerKmipServer("okms", server);
      crypto.uploadKmipServerCert("okms", crypto.retrieveKmipServerCert("okms", server).certificatePem());
      OkmsApi.CreatedCredential credential = okms.createCredential(resource.id(), new OkmsApi.CredentialCreation(
          "vcenter", List.of(sandbox.accountUrn()), null, null, crypto.generateClientCsr("okms"), null));
      OkmsApi.Credential ready = new Poller(Duration.ofMillis(5), Duration.ofMillis(50)).until("credential",
          Duration.ofSeconds(10), () -> Optional.of(okms.credential(resource.id(), credential.id()))
              .filter(found -> found.status() == OkmsApi.CredentialStatus.READY), waited -> { });
      crypto.updateKmsSignedCsrClientCert("okms", ready.certificatePEM());
      crypto.markDefault("okms");
    }
  }

  @Override
  public String url() {
    return sandbox.vcenterUrl();
  }

  @Override
  public String username() {
    return sandbox.vcenterUsername();
  }

  @Override
  public Secret password() {
    return sandbox.vcenterPassword();
  }

  @Override
  public VimTls tls() {
    return sandbox.vcenterTls();
  }

  @Override
  public Map<String, String> govcEnvironment(Path work) throws IOException {
    Path trust = Files.writeString(work.resolve("sandbox-trust.pem"), sandbox.trustBundlePem());
    return Map.of("GOVC_URL", url(), "GOVC_USERNAME", username(), "GOVC_PASSWORD", password().reveal(),
        "GOVC_TLS_CA_CERTS", trust.toString());
  }

  /** A VM the inventory holds powered off. */
  String poweredOffVmName() {
    return "web-02";
  }

  @Override
  public int vmCount() {
    return VMS;
  }

  @Override
  public String vmName() {
    return "web-01";
  }

  @Override
  public String vmInventoryPath() {
    return "DC0/vm/prod/web-01";
  }

  @Override
  public String vmFolderPath() {
    return "DC0/vm/prod";
  }

  @Override
  public boolean connectsToKms() {
    return true;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
