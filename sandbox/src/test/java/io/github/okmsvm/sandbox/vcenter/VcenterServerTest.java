package io.github.okmsvm.sandbox.vcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.tls.CsrDetails;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.StoragePolicies;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.sandbox.OkmsSandbox;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What makes the sandbox vCenter worth testing against: real trust, vCenter's refusals, paging by the book. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VcenterServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PROVIDER = "okms-eu-west-rbx";

  private static OkmsSandbox sandbox;
  private static VimClient vim;
  private static OvhApi ovh;
  private static OkmsApi.Resource okms;

  @BeforeAll
  static void start() {
    sandbox = OkmsSandbox.builder().existingOkms("eu-west-rbx")
        .vm("off-1", "prod", false, 2, false).vm("on-1", "prod", true, 1, false)
        .vm("snap-1", "prod", false, 1, true).vm("off-2", "test", false, 3, false)
        .vm("off-3", "lab", false, 1, false).vm("off-4", "lab", false, 1, false).start();
    sandbox.vcenterServer().taskDuration(Duration.ofMillis(50));
    vim = VimClient.connect(sandbox.vcenterUrl(), sandbox.vcenterUsername(), sandbox.vcenterPassword(),
        sandbox.vcenterTls(), TIMEOUT, line -> { });
    ovh = OvhApi.builder().endpoint(sandbox.ovhEndpoint()).credentials(sandbox.applicationKey())
        .sslContext(sandbox.clientSslContext()).build();
    OkmsApi api = new OkmsApi(ovh);
    okms = api.resource(api.resources(null).get(0).id(), true);
  }

  @AfterAll
  static void stop() {
    vim.close();
    ovh.close();
    sandbox.close();
  }

  private static CryptoManager.KmipServer server() {
    TlsEndpoint endpoint = TlsEndpoint.parse(okms.kmipEndpoint(), 5696, "kmipEndpoint");
    return new CryptoManager.KmipServer("okms-rbx", endpoint.host(), endpoint.port());
  }

  @Test
  @Order(1)
  void encryptionNeedsADefaultKeyProvider() {
    VirtualMachines vms = new VirtualMachines(vim);
    VmState vm = vms.findByName("off-2", 100).orElseThrow();

    assertThatThrownBy(() -> vms.applyPolicy(vm, policy(), TIMEOUT, elapsed -> { }))
        .isInstanceOf(VimFault.InvalidState.class)
        .hasMessageContaining("no default key provider is set");
  }

  @Test
  @Order(2)
  void trustIsRealInBothDirections() {
    CryptoManager crypto = new CryptoManager(vim);
    crypto.registerKmipServer(PROVIDER, server());
    assertThatThrownBy(() -> crypto.registerKmipServer(PROVIDER, server())).isInstanceOf(VimFault.RuntimeFault.class)
        .hasMessageContaining("Already registered");

    CryptoManager.ServerCertificate fetched = crypto.retrieveKmipServerCert(PROVIDER, server());
    assertThat(fetched.clientTrustServer()).isFalse();
    assertThat(Pem.certificate(fetched.certificatePem(), "cert").getIssuerX500Principal().getName())
        .isEqualTo("CN=CCMUsersCA");
    crypto.uploadKmipServerCert(PROVIDER, fetched.certificatePem());
    assertThat(crypto.retrieveKmipServerCert(PROVIDER, server()).clientTrustServer()).isTrue();

    assertThat(crypto.retrieveClientCsr(PROVIDER)).isNullOrEmpty();
    String csrPem = crypto.generateClientCsr(PROVIDER);
    assertThat(crypto.retrieveClientCsr(PROVIDER)).isEqualTo(csrPem);
    PKCS10CertificationRequest csr = Pem.csr(csrPem, "csr");

    CertificateAuthority stranger = CertificateAuthority.create("CN=Stranger CA");
    String foreign = Pem.write(stranger.sign(CertificateAuthority.template("CN=vcenter")
        .withKey(CsrDetails.publicKey(csr)).clientAuth()));
    crypto.updateKmsSignedCsrClientCert(PROVIDER, foreign);
    CryptoManager.ProviderStatus red = crypto.retrieveStatus(PROVIDER, TIMEOUT, elapsed -> { });
    assertThat(red.overallStatus()).isEqualTo("red");
    assertThat(red.servers()).singleElement().satisfies(status -> {
      assertThat(status.clientTrustServer()).isTrue();
      assertThat(status.serverTrustClient()).isFalse();
      assertThat(status.connectionStatus()).contains("refused the client certificate CN=vcenter");
    });

    String otherKey = Pem.write(okmsCa().issue(CertificateAuthority.KeyType.EC_P256,
        CertificateAuthority.template("CN=other").clientAuth()).certificate());
    assertThatThrownBy(() -> crypto.updateKmsSignedCsrClientCert(PROVIDER, otherKey))
        .isInstanceOf(VimFault.InvalidArgument.class).hasMessageContaining("does not match the client CSR");

    OkmsApi api = new OkmsApi(ovh);
    OkmsApi.CreatedCredential credential = api.createCredential(okms.id(), new OkmsApi.CredentialCreation(
        "vcenter", List.of(sandbox.accountUrn()), null, null, csrPem, null));
    String signed = ready(api, credential.id()).certificatePEM();
    crypto.updateKmsSignedCsrClientCert(PROVIDER, signed);
    assertThat(crypto.retrieveClientCert(PROVIDER)).isEqualTo(signed);

    CryptoManager.ProviderStatus green = crypto.retrieveStatus(PROVIDER, TIMEOUT, elapsed -> { });
    assertThat(green.overallStatus()).isEqualTo("green");
    assertThat(green.servers()).singleElement().satisfies(status -> assertThat(status.connected()).isTrue());

    crypto.markDefault(PROVIDER);
    assertThat(crypto.listKmipServers()).singleElement().satisfies(provider -> {
      assertThat(provider.id()).isEqualTo(PROVIDER);
      assertThat(provider.useAsDefault()).isTrue();
      assertThat(provider.servers()).containsExactly(server());
    });
  }

  @Test
  @Order(3)
  void encryptsOnlyPoweredOffVmsWithoutSnapshots() {
    VirtualMachines vms = new VirtualMachines(vim);
    String policy = policy();

    VmState on = vms.findByName("on-1", 100).orElseThrow();
    assertThatThrownBy(() -> vms.applyPolicy(on, policy, TIMEOUT, elapsed -> { }))
        .isInstanceOf(VimFault.InvalidPowerState.class)
        .hasMessage("reconfigure on-1 failed with InvalidPowerState: The attempted operation cannot be performed in"
            + " the current state (Powered on).");
    VmState snapshot = vms.findByName("snap-1", 100).orElseThrow();
    assertThatThrownBy(() -> vms.applyPolicy(snapshot, policy, TIMEOUT, elapsed -> { }))
        .isInstanceOf(VimFault.InvalidState.class).hasMessageContaining("has snapshots");
    assertThat(vms.read(on.ref()).homeKey()).isNull();
    assertThat(vms.read(snapshot.ref()).homeKey()).isNull();

    VmState off = vms.findByName("off-1", 100).orElseThrow();
    assertThat(off.fullyEncrypted()).isFalse();
    vms.applyPolicy(off, policy, TIMEOUT, elapsed -> { });

    VmState encrypted = vms.read(off.ref());
    assertThat(encrypted.fullyEncrypted()).isTrue();
    assertThat(encrypted.homeKey().providerId()).isEqualTo(PROVIDER);
    assertThat(encrypted.disks()).hasSize(2).allSatisfy(disk ->
        assertThat(disk.cryptoKey()).isEqualTo(encrypted.homeKey()));
    // the key is a KMIP object vCenter made on the OKMS with its client certificate, and the only one there
    assertThat(sandbox.kmipObjects(okms.id()).contains(encrypted.homeKey().keyId())).isTrue();
    OkmsApi api = new OkmsApi(ovh);
    assertThat(api.resource(okms.id(), false).kmipObjectCount()).isEqualTo(1);
    StoragePolicies policies = new StoragePolicies(vim);
    assertThat(policies.associatedProfiles("virtualMachine", off.ref().value())).containsExactly(policy);
    assertThat(policies.associatedProfiles("virtualDiskId", off.ref().value() + ":2001")).containsExactly(policy);
  }

  @Test
  @Order(4)
  void powerAndGuestShutdownFollowVcenter() throws Exception {
    VirtualMachines vms = new VirtualMachines(vim);
    MoRef vm = vms.findByInventoryPath("DC0/vm/prod/on-1").orElseThrow();

    assertThatThrownBy(() -> vms.powerOn(vm, TIMEOUT, elapsed -> { })).isInstanceOf(VimFault.InvalidPowerState.class);
    vms.shutdownGuest(vm);
    for (int i = 0; i < 50 && vms.read(vm).poweredOn(); i++) {
      Thread.sleep(50);
    }
    assertThat(vms.read(vm).powerState()).isEqualTo("poweredOff");
    vms.powerOn(vm, TIMEOUT, elapsed -> { });
    assertThat(vms.read(vm).poweredOn()).isTrue();
    assertThat(vms.inFolder("DC0/vm/test", 100)).extracting(VmState::name).containsExactly("off-2");
  }

  @Test
  @Order(5)
  void theKmsDecidesWhatVcentersCertificateMayDo() {
    OkmsApi api = new OkmsApi(ovh);
    CryptoManager crypto = new CryptoManager(vim);
    VirtualMachines vms = new VirtualMachines(vim);
    String user = "urn:v1:eu:identity:user:" + sandbox.accountUrn().substring(sandbox.accountUrn().lastIndexOf(':')
        + 1) + "/vcenter";
    OkmsApi.CreatedCredential asUser = api.createCredential(okms.id(), new OkmsApi.CredentialCreation("vcenter-user",
        List.of(user), null, null, crypto.retrieveClientCsr(PROVIDER), null));
    crypto.updateKmsSignedCsrClientCert(PROVIDER, ready(api, asUser.id()).certificatePEM());
    VmState vm = vms.findByName("off-3", 100).orElseThrow();

    assertThatThrownBy(() -> vms.applyPolicy(vm, policy(), TIMEOUT, elapsed -> { }))
        .isInstanceOf(VimFault.RuntimeFault.class)
        .hasMessageContaining("Cannot generate a key on key provider " + PROVIDER)
        .hasMessageContaining("refused Create failed: PermissionDenied (no IAM policy allows okms:kmip:create to "
            + user + " on " + okms.iam().urn() + ")");
    assertThat(vms.read(vm.ref()).homeKey()).isNull();
    assertThat(api.resource(okms.id(), false).kmipObjectCount()).isEqualTo(1);

    IamApi iam = new IamApi(ovh);
    IamApi.Policy allowed = iam.create(new IamApi.PolicyRequest("vcenter-kmip", null, List.of(user),
        List.of(new IamApi.ResourceRef(okms.iam().urn())), IamApi.Permissions.allowing(List.of("okms:kmip:*"))));
    vms.applyPolicy(vm, policy(), TIMEOUT, elapsed -> { });
    assertThat(sandbox.kmipObjects(okms.id()).contains(vms.read(vm.ref()).homeKey().keyId())).isTrue();
    iam.delete(allowed.id());

    api.deleteCredential(okms.id(), asUser.id());
    VmState next = vms.findByName("off-4", 100).orElseThrow();
    assertThatThrownBy(() -> vms.applyPolicy(next, policy(), TIMEOUT, elapsed -> { }))
        .isInstanceOf(VimFault.class)
        .hasMessageContaining("the client certificate is revoked: its credential " + asUser.id() + " was deleted");
    assertThat(vms.read(next.ref()).homeKey()).isNull();
  }

  @Test
  @Order(6)
  void aPropertyPathTheTypeDoesNotHaveIsInvalidPropertyAndAGoneObjectIsNamed() {
    VirtualMachines vms = new VirtualMachines(vim);
    MoRef vm = vms.findByInventoryPath("DC0/vm/prod/off-1").orElseThrow();
    io.github.okmsvm.core.vsphere.PropertyCollector collector = new io.github.okmsvm.core.vsphere.PropertyCollector(
        vim);

    assertThat(collector.retrieveOne(vm, List.of("runtime.cryptoState")).get("runtime.cryptoState").text())
        .isEqualTo("unlocked");
    assertThatThrownBy(() -> collector.retrieveOne(vm, List.of("name", "notAVirtualMachineProperty.name")))
        .isInstanceOf(VimFault.class).satisfies(e -> assertThat(((VimFault) e).faultName())
            .isEqualTo("InvalidProperty"));
    // a field the VM's config does not have is refused too (config.keyId, config.hardware.device are fields)
    assertThatThrownBy(() -> collector.retrieveOne(vm, List.of("config.keyId", "config.encryptionKey")))
        .isInstanceOf(VimFault.class).satisfies(e -> assertThat(((VimFault) e).faultName())
            .isEqualTo("InvalidProperty"));
    assertThat(collector.retrieveOne(vm, List.of("config.hardware.device", "config.keyId"))).isNotNull();
    assertThatThrownBy(() -> collector.retrieveOne(new MoRef("VirtualMachine", "vm-999"), List.of("name")))
        .isInstanceOf(VimFault.ManagedObjectNotFound.class)
        .hasMessageContaining("The object 'VirtualMachine:vm-999' has already been deleted");
  }

  /** The credential once OKMS has made it READY, as a client polls for it. */
  private static OkmsApi.Credential ready(OkmsApi api, String credentialId) {
    return new io.github.okmsvm.core.wait.Poller(Duration.ofMillis(5), Duration.ofMillis(50)).until(
        "credential " + credentialId, Duration.ofSeconds(10), () -> java.util.Optional.of(api.credential(okms.id(),
            credentialId)).filter(found -> found.status() == OkmsApi.CredentialStatus.READY), waited -> { });
  }

  private static String policy() {
    StoragePolicies policies = new StoragePolicies(vim);
    return policies.findRequirementProfile("okms-encryption").map(StoragePolicies.Profile::id)
        .orElseGet(() -> policies.createEncryptionPolicy("okms-encryption", "VM encryption",
            policies.encryptionComponentId()));
  }

  private static CertificateAuthority okmsCa() {
    return CertificateAuthority.create("CN=CCMUsersCA");
  }
}
