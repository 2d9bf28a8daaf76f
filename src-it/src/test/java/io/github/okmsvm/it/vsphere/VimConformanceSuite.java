package io.github.okmsvm.it.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.StoragePolicies;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.VimFault;
import io.github.okmsvm.core.vsphere.VirtualMachines;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One suite for every vCenter peer: the sandbox in every build, govmomi's vcsim under -Pconformance. */
abstract class VimConformanceSuite {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  protected final List<String> log = new CopyOnWriteArrayList<>();
  protected VimClient client;

  protected abstract VcenterPeer peer();

  @BeforeEach
  void connect() {
    client = VimClient.connect(peer().url(), peer().username(), peer().password(), peer().tls(), TIMEOUT, log::add);
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void sessionHasServiceContentAndAWrongPasswordIsInvalidLogin() {
    assertThat(client.serviceContent().rootFolder()).isNotNull();
    assertThat(client.serviceContent().propertyCollector()).isNotNull();
    assertThat(client.apiVersion()).isNotBlank();

    assertThatThrownBy(() -> VimClient.connect(peer().url(), peer().username(), Secret.of("wrong-password"),
        peer().tls(), TIMEOUT, line -> { }))
        .isInstanceOf(VimFault.InvalidLogin.class)
        .hasMessageStartingWith("Login failed with InvalidLogin: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-password"));
  }

  @Test
  void logsInAgainOnceWhenTheSessionIsGone() {
    client.invoke("Logout", client.serviceContent().sessionManager());

    assertThat(new VirtualMachines(client).findByInventoryPath(peer().vmInventoryPath())).isPresent();
    assertThat(client.callCount("Login")).isEqualTo(2);
  }

  @Test
  void aViewBelongsToTheSessionThatCreatedItAndEndsWithIt() {
    MoRef view = containerViewOfVms(client);
    VimClient other = VimClient.connect(peer().url(), peer().username(), peer().password(), peer().tls(), TIMEOUT,
        line -> { });
    try {
      assertThatThrownBy(() -> other.invoke("DestroyView", view))
          .isInstanceOf(VimFault.ManagedObjectNotFound.class);
      MoRef ended = containerViewOfVms(other);
      other.close();
      VimClient third = VimClient.connect(peer().url(), peer().username(), peer().password(), peer().tls(),
          TIMEOUT, line -> { });
      try {
        assertThatThrownBy(() -> third.invoke("DestroyView", ended))
            .isInstanceOf(VimFault.ManagedObjectNotFound.class);
      } finally {
        third.close();
      }
    } finally {
      other.close();
    }
    client.invoke("DestroyView", view);
  }

  private static MoRef containerViewOfVms(VimClient session) {
    return session.invoke("CreateContainerView", session.serviceContent().viewManager(),
        XmlElement.moRef("container", session.serviceContent().rootFolder()),
        XmlElement.text("type", "VirtualMachine"), XmlElement.text("recursive", true)).child("returnval")
        .orElseThrow().asMoRef();
  }

  @Test
  void pagesThroughTheWholeVmInventory() {
    int maxObjects = 25;

    List<VmState> vms = new VirtualMachines(client).list(null, maxObjects);

    assertThat(vms).hasSize(peer().vmCount());
    assertThat(vms).extracting(VmState::name).doesNotHaveDuplicates().contains(peer().vmName());
    // at most one round trip per page (vcsim 0.24 answers everything at once; vCenter pages)
    int pages = (peer().vmCount() + maxObjects - 1) / maxObjects;
    assertThat(client.callCount("RetrievePropertiesEx")).isEqualTo(1);
    assertThat(client.callCount("ContinueRetrievePropertiesEx")).isLessThanOrEqualTo(pages - 1);
    assertThat(vms.get(0).disks()).isNotEmpty();
  }

  @Test
  void findsVmsByNameInventoryPathAndFolder() {
    VirtualMachines vms = new VirtualMachines(client);

    MoRef byPath = vms.findByInventoryPath(peer().vmInventoryPath()).orElseThrow();
    VmState byName = vms.findByName(peer().vmName(), 100).orElseThrow();

    assertThat(byName.ref()).isEqualTo(byPath);
    assertThat(vms.findByName("no-such-vm", 100)).isEmpty();
    assertThat(vms.inFolder(peer().vmFolderPath(), 100)).extracting(VmState::ref).contains(byPath);
  }

  @Test
  void powersOffReconfiguresWithAPolicyAndPowersOn() {
    VirtualMachines vms = new VirtualMachines(client);
    StoragePolicies policies = new StoragePolicies(client);
    String profile = policies.createEncryptionPolicy("conformance-" + System.nanoTime(), "suite",
        StoragePolicies.KNOWN_ENCRYPTION_COMPONENT_ID);
    MoRef vm = vms.findByInventoryPath(peer().vmInventoryPath()).orElseThrow();
    if (vms.read(vm).poweredOn()) {
      vms.powerOff(vm, TIMEOUT, elapsed -> { });
    }
    assertThat(vms.read(vm).powerState()).isEqualTo("poweredOff");

    vms.applyPolicy(vms.read(vm), profile, TIMEOUT, elapsed -> { });
    vms.powerOn(vm, TIMEOUT, elapsed -> { });

    assertThat(vms.read(vm).powerState()).isEqualTo("poweredOn");
  }

  @Test
  void createsAnEncryptionPolicyAndReadsItBack() {
    StoragePolicies policies = new StoragePolicies(client);
    String name = "okms-encryption-" + System.nanoTime();
    int before = policies.queryProfile("REQUIREMENT").size();

    String id = policies.createEncryptionPolicy(name, "VM encryption with OKMS",
        StoragePolicies.KNOWN_ENCRYPTION_COMPONENT_ID);

    assertThat(policies.queryProfile("REQUIREMENT")).hasSize(before + 1).contains(id);
    assertThat(policies.retrieveContent(List.of(id))).singleElement()
        .satisfies(profile -> assertThat(profile.name()).isEqualTo(name));
    assertThat(policies.findRequirementProfile(name)).map(StoragePolicies.Profile::id).contains(id);
  }

  /**
   * The gate, and encrypt-vm in plan mode, read the peer's VMs as they read vCenter's. vcsim encrypts no VM through a
   * storage policy (only through an explicit CryptoSpec, which vCenter's policy-based encryption does not need), so
   * there the gate finds the VM not encrypted and the plan would encrypt it; the sandbox encrypts as vCenter does.
   */
  @Test
  void theGateAndAPlannedEncryptionJudgeThePeersVm(@TempDir Path reports) throws Exception {
    EncryptionSettings settings = EncryptionSettings.builder().vms(List.of(peer().vmName())).allowPowerOff(true)
        .maxNonCompliant(1).plan(true).build();

    Map<String, String> gate = run(Command.CHECK, settings, reports).outputs();
    List<String> plan = run(Command.ENCRYPT_VM, settings, null).changes();

    assertThat(Long.parseLong(gate.get("compliantVms")) + Long.parseLong(gate.get("nonCompliantVms"))).isEqualTo(1);
    assertThat(reports.resolve("TEST-okms-compliance.xml")).content().contains("name=\"" + peer().vmName() + "\"");
    boolean encrypted = gate.get("compliantVms").equals("1");
    assertThat(plan.stream().anyMatch(change -> change.startsWith("encrypt VM " + peer().vmName())))
        .as("the plan encrypts the VM the gate found not encrypted").isEqualTo(!encrypted);
    if (!peer().connectsToKms()) {
      assertThat(encrypted).as("vcsim encrypts nothing through a policy").isFalse();
    }
  }

  private StepResult run(Command command, EncryptionSettings settings, Path reports) {
    StepContext context = new StepContext(settings, () -> {
      throw new IllegalStateException("these steps do not call the OVHcloud API");
    }, () -> VimClient.connect(peer().url(), peer().username(), peer().password(), peer().tls(), TIMEOUT, log::add),
        event -> { });
    try {
      List<StepResult> results = EncryptionFlow.run(EncryptionFlow.forCommand(command, false, reports), context);
      return results.get(results.size() - 1);
    } finally {
      context.close();
    }
  }

  /**
   * The CryptoManagerKmip calls the product makes, and GenerateKey: a key provider registered, listed and made the
   * default; its status names its server; a key of an unknown id is not available. The KMS here listens nowhere: a
   * vCenter that connects reports it red and generates no key.
   */
  @Test
  void registersListsDefaultsAndQueriesAKeyProvider() throws Exception {
    CryptoManager crypto = new CryptoManager(client);
    String provider = "conformance-kp";
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    List<String> defaults = crypto.listKmipServers().stream().filter(CryptoManager.KeyProvider::useAsDefault)
        .map(CryptoManager.KeyProvider::id).toList();
    crypto.registerKmipServer(provider, new CryptoManager.KmipServer("kms-1", "127.0.0.1", port));
    crypto.markDefault(provider);
    try {
      assertKeyProvider(crypto, provider, port);
    } finally {
      // the other tests encrypt with the peer's own default provider
      crypto.removeKmipServer(provider, "kms-1");
      defaults.forEach(crypto::markDefault);
    }
  }

  private void assertKeyProvider(CryptoManager crypto, String provider, int port) {
    assertThat(crypto.listKmipServers()).filteredOn(kp -> kp.id().equals(provider)).singleElement()
        .satisfies(kp -> assertThat(kp.useAsDefault()).isTrue())
        .satisfies(kp -> assertThat(kp.servers()).containsExactly(new CryptoManager.KmipServer("kms-1", "127.0.0.1",
            port)));
    CryptoManager.ProviderStatus status = crypto.retrieveStatus(provider, TIMEOUT, waited -> { });
    assertThat(status.servers()).extracting(CryptoManager.ServerStatus::name).containsExactly("kms-1");
    assertThat(status.servers().get(0).status()).as("the status of a KMS that listens nowhere")
        .isIn(peer().connectsToKms() ? List.of("red", "gray") : List.of("green"));
    XmlElement generated = client.invoke("GenerateKey", client.serviceContent().cryptoManager(),
        XmlElement.of("keyProvider", XmlElement.text("id", provider))).child("returnval").orElseThrow();
    assertThat(generated.childText("success")).isEqualTo(peer().connectsToKms() ? "false" : "true");
    if (peer().connectsToKms()) {
      assertThat(generated.childText("reason")).contains("kms-1");
    }
    VmState.CryptoKey unknown = new VmState.CryptoKey("00000000-0000-0000-0000-00000000000f", provider);
    assertThat(crypto.queryCryptoKeyStatus(List.of(unknown))).hasEntrySatisfying(unknown,
        key -> assertThat(key.available()).isFalse());
  }
}
