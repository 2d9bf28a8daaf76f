package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.report.ComplianceReport;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.GuideStep;
import io.github.okmsvm.core.steps.OkmsOrderTask;
import io.github.okmsvm.core.steps.StepException;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.steps.VcenterEncryptionComplianceTask;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VmState;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.TaskWaiter;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide as one converging flow against the sandbox. */
class EncryptionFlowIT {
  private static List<String> changes(List<StepResult> results) {
    return results.stream().flatMap(result -> result.changes().stream()).toList();
  }

  @Test
  void convergesFromAnEmptyAccountThenChangesNothing() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<StepResult> first = flow.run(flow.settings().build());

      assertThat(first).extracting(StepResult::step).containsExactly("okmsOrder", "pccOpenKmsFlow",
          "vcenterTrustOkms", "ovhIamPolicy", "vcenterEncryptionPolicy", "vcenterEncryptVm");
      assertThat(changes(first)).contains("order an OKMS in region eu-west-rbx",
          "make okms-eu-west-rbx vCenter's default key provider", "encrypt VM app-01 (home and 1 disk)",
          "encrypt VM db-01 (home and 2 disks)");
      for (String name : List.of("app-01", "app-02", "db-01")) {
        VmState vm = flow.vm(name);
        assertThat(vm.fullyEncrypted()).as(name).isTrue();
        assertThat(vm.homeKey().providerId()).isEqualTo("okms-eu-west-rbx");
      }
      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(1, 1, 1, 1, 1, 1, 1));
      StepResult last = first.get(first.size() - 1);
      assertThat(last.outputs()).containsKeys("okmsId", "kmipEndpoint", "kmsId", "kmsThumbprint", "credentialId",
          "iamPolicyId", "storagePolicyId").containsEntry("encryptedVms", "app-01,app-02,db-01");

      long ovhWrites = flow.ovhWrites();
      long vcenterWrites = flow.vcenterWrites();
      List<StepResult> second = flow.run(flow.settings().build());

      assertThat(changes(second)).isEmpty();
      assertThat(flow.ovhWrites()).isEqualTo(ovhWrites);
      assertThat(flow.vcenterWrites()).isEqualTo(vcenterWrites);
      assertThat(second.get(second.size() - 1).outputs()).containsEntry("alreadyEncryptedVms", "app-01,app-02,db-01");
      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(1, 1, 1, 1, 1, 1, 1));
      assertThat(flow.sandbox.vcenterServer().liveSessions()).as("sessions left logged in").isZero();
      assertThat(flow.sandbox.vcenterServer().liveViews()).as("views left behind").isZero();
    }
  }

  /** An account with years of orders: the first run reads only the last 30 days' orders (date.from), not 5,000. */
  @Test
  void onAnAccountWithThousandsOfPastOrdersTheFirstRunReadsOnlyRecentOnes() {
    try (FlowHarness flow = FlowHarness.start()) {
      flow.sandbox.pastOrders(5_000);

      flow.run(flow.settings().build());

      assertThat(flow.sandbox.ovhApi().counters().count("GET /v1/me/order")).isLessThanOrEqualTo(2);
      assertThat(flow.sandbox.ovhApi().counters().count("GET /v1/me/order/{orderId}/status"))
          .as("status reads: the new order's, while it is delivered").isLessThan(50);
      assertThat(flow.sandbox.ovhApi().counters().count("GET /v1/me/order/{orderId}/details")).isLessThan(5);
      assertThat(flow.inventory()).isEqualTo(new FlowHarness.Inventory(5_001, 1, 1, 1, 1, 1, 1));
    }
  }

  @Test
  void oneRunSweepsTheInventoryOnceAndReadsThePccOnce() {
    try (FlowHarness flow = FlowHarness.start()) {
      flow.run(flow.settings().build());
      flow.sandbox.vcenterServer().counters().reset();
      flow.sandbox.ovhApi().counters().reset();

      flow.run(flow.settings().build());

      assertThat(flow.sandbox.vcenterServer().counters().count("CreateContainerView")).isEqualTo(1);
      assertThat(flow.sandbox.ovhApi().counters().count("GET /v1/dedicatedCloud/{serviceName}")).isEqualTo(1);
    }
  }

  @Test
  void onAFreshAccountThePlanListsAsManyChangesOfTheSameKindsAsTheRealRun() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<StepResult> planned = flow.run(flow.settings().plan(true).build());
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).isZero();

      List<StepResult> real = flow.run(flow.settings().build());

      assertThat(changes(planned).stream().map(change -> change.split(" ")[0]).toList())
          .containsExactlyElementsOf(changes(real).stream().map(change -> change.split(" ")[0]).toList());
    }
  }

  @Test
  void planModeWritesNothingAndListsExactlyWhatTheRealRunDoes() {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      List<StepResult> planned = flow.run(flow.settings().plan(true).build());

      assertThat(flow.ovhWrites()).isZero();
      assertThat(flow.vcenterWrites()).isZero();
      assertThat(flow.events).filteredOn(event -> event instanceof ProgressEvent.Changed)
          .allSatisfy(event -> assertThat(((ProgressEvent.Changed) event).planned()).isTrue());

      List<StepResult> real = flow.run(flow.settings().build());

      assertThat(changes(planned)).isNotEmpty().containsExactlyElementsOf(changes(real));
    }
  }

  @Test
  void neverOrdersWithoutOrderTrueNorWhileAnOrderIsPending() {
    try (FlowHarness flow = FlowHarness.start()) {
      assertThatThrownBy(() -> flow.run(flow.settings().order(false).build()))
          .isInstanceOf(StepException.class)
          .hasMessage("there is no OKMS in region eu-west-rbx and order is false: set order=true to order one (an"
              + " OKMS is free; its keys are billed per use), or give the okmsId of an existing OKMS");
      assertThat(flow.ovhWrites()).isZero();

      try (OvhApi ovh = flow.ovh()) { // someone ordered by hand and has not paid yet
        OrderApi orders = new OrderApi(ovh);
        OrderApi.Cart cart = orders.createCart("FR", "by hand", java.time.Instant.now().plusSeconds(3600));
        orders.assignCart(cart.cartId());
        orders.configure(cart.cartId(), orders.addOkms(cart.cartId()).itemId(), "region", "eu-west-rbx");
        orders.checkout(cart.cartId(), false);
      }
      List<GuideStep> orderOnly = List.of(new OkmsOrderTask());
      List<StepResult> results = flow.run(orderOnly, flow.settings().build());

      assertThat(results.get(0).changes()).containsExactly("pay pending OKMS order 200000001 (eu-west-rbx)");
      assertThat(flow.inventory().orders()).isEqualTo(1);
      assertThat(flow.inventory().okms()).isEqualTo(1);
    }
  }

  @Test
  void leavesPoweredOnAndSnapshottedVmsAloneUnlessAllowed() {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      EncryptionSettings refused = flow.settings().vms(List.of("web-01", "old-01", "app-01")).build();

      assertThatThrownBy(() -> flow.run(refused))
          .isInstanceOf(StepException.class)
          .hasMessage("2 of 3 selected VMs cannot be encrypted, so none was touched: VM web-01 is powered on: set"
              + " allowPowerOff=true to let the step shut it down and power it on again, or power it off yourself;"
              + " VM old-01 has snapshots, and vCenter cannot encrypt a VM with snapshots: delete or consolidate"
              + " them, then run again. Fix them, or set partial=true to encrypt the others now");
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).as("judged before the first write").isZero();
      assertThat(flow.vm("app-01").fullyEncrypted()).isFalse();

      assertThatThrownBy(() -> flow.run(flow.settings().vms(List.of("web-01", "old-01", "app-01")).partial(true)
          .build()))
          .isInstanceOf(StepException.class)
          .hasMessage("2 of 3 VMs not encrypted: VM web-01 is powered on: set allowPowerOff=true to let the step"
              + " shut it down and power it on again, or power it off yourself; VM old-01 has snapshots, and"
              + " vCenter cannot encrypt a VM with snapshots: delete or consolidate them, then run again");
      assertThat(flow.vm("web-01").poweredOn()).isTrue();
      assertThat(flow.vm("web-01").homeKey()).isNull();
      assertThat(flow.vm("old-01").homeKey()).isNull();
      assertThat(flow.vm("app-01").fullyEncrypted()).isTrue();
      assertThat(flow.sandbox.vcenterServer().counters().count("ShutdownGuest")).isZero();

      flow.run(flow.settings().vms(List.of("web-01")).allowPowerOff(true).build());

      VmState web = flow.vm("web-01");
      assertThat(web.fullyEncrypted()).isTrue();
      assertThat(web.poweredOn()).as("power state restored").isTrue();
      assertThat(flow.sandbox.vcenterServer().counters().count("ShutdownGuest")).isEqualTo(1);
    }
  }

  @Test
  void aSelectionMatchingNoVmFailsNamingEachPatternBeforeAnyWrite() {
    try (FlowHarness flow = FlowHarness.start()) {
      EncryptionSettings wrongCase = flow.settings().vms(List.of("App-*", "DB-*")).build();
      String message = "vms matches no VM in vCenter: 'App-*', 'DB-*' match nothing (names are case-sensitive):"
          + " check the patterns, or set allowEmptySelection=true when an empty selection is expected";

      assertThatThrownBy(() -> flow.run(wrongCase)).isInstanceOf(ConfigurationException.class).hasMessage(message);
      assertThat(flow.ovhWrites() + flow.vcenterWrites()).isZero();
      assertThatThrownBy(() -> flow.run(List.of(new VcenterEncryptionComplianceTask(null)), wrongCase))
          .hasMessage(message);

      List<StepResult> allowed = flow.run(List.of(new VcenterEncryptionComplianceTask(null)),
          flow.settings().vms(List.of("App-*")).allowEmptySelection(true).build());
      assertThat(allowed.get(0).summary()).isEqualTo("0 of 0 VMs compliant (0 non-compliant, 0 allowed): PASSED");
    }
  }

  @Test
  void theComplianceGateJudgesEveryVmAndFailsAboveTheThreshold() {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      flow.run(flow.settings().vms(List.of("app-01")).build());
      VcenterEncryptionComplianceTask gate = new VcenterEncryptionComplianceTask(null);
      EncryptionSettings everything = flow.settings().vms(List.of("app-*", "db-01")).providerName("okms-eu-west-rbx")
          .build();

      assertThatThrownBy(() -> flow.run(List.of(gate), everything))
          .hasMessage("encryption compliance 1 of 3 VMs compliant (2 non-compliant, 0 allowed): FAILED: app-02 (VM"
              + " home is not encrypted; Hard disk 1 is not encrypted), db-01 (VM home is not encrypted; Hard disk 1"
              + " is not encrypted; Hard disk 2 is not encrypted)");
      ComplianceReport report = gate.report();
      assertThat(report.vms()).extracting(vm -> vm.name() + "=" + vm.compliant())
          .containsExactly("app-01=true", "app-02=false", "db-01=false");

      flow.run(List.of(gate), flow.settings().vms(List.of("app-*", "db-01")).maxNonCompliant(2).build());
      assertThat(gate.report().passed()).isTrue();
    }
  }

  @Test
  void renewsTheClientCertificateBeforeItExpiresAndKeepsOneCredential() {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      flow.run(flow.settings().credentialValidityDays(10).renewBeforeDays(5).build());
      String before = flow.run(flow.settings().credentialValidityDays(10).renewBeforeDays(5).build()).get(2)
          .outputs().get("clientCertificateExpiry");

      List<StepResult> renewal = flow.run(flow.settings().build()); // renew 30 days ahead: 10 days left is too few

      assertThat(renewal.get(2).changes()).containsExactly("renew vCenter's client CSR for okms-eu-west-rbx",
          "have OKMS sign vCenter's CSR as credential vcenter-kms",
          "give vCenter the certificate OKMS signed as credential vcenter-kms",
          "delete superseded OKMS credential " + renewal.get(2).changes().get(3).substring(
              "delete superseded OKMS credential ".length()));
      assertThat(renewal.get(2).outputs().get("clientCertificateExpiry")).isGreaterThan(before);
      assertThat(flow.inventory().credentials()).isEqualTo(1);
      assertThat(changes(flow.run(flow.settings().build()))).isEmpty();
    }
  }

  @Test
  void keepsTheSupersededCredentialUntilVcenterReportsTheNewCertificateConnected() {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      flow.run(flow.settings().credentialValidityDays(10).renewBeforeDays(5).build());
      String before;
      try (VimClient vim = flow.vim()) {
        before = new CryptoManager(vim).retrieveClientCert("okms-eu-west-rbx");
      }
      // vCenter cannot say whether it connects with the renewed certificate
      flow.sandbox.vcenterServer().faults().inject("RetrieveKmipServersStatus_Task",
          new io.github.okmsvm.sandbox.Fault.ServerError(500), 1000);

      assertThatThrownBy(() -> flow.run(flow.settings().timeout(Duration.ofSeconds(3)).build()))
          .isInstanceOf(RuntimeException.class);

      try (VimClient vim = flow.vim()) {
        assertThat(new CryptoManager(vim).retrieveClientCert("okms-eu-west-rbx")).as("renewed").isNotEqualTo(before);
      }
      assertThat(flow.inventory().credentials()).as("the superseded credential is kept").isEqualTo(2);

      flow.sandbox.vcenterServer().faults().clear();
      List<StepResult> next = flow.run(flow.settings().build());
      assertThat(next.get(2).changes()).singleElement().asString().startsWith("delete superseded OKMS credential ");
      assertThat(flow.inventory().credentials()).isEqualTo(1);
    }
  }

  @Test
  void judgesAMixedInventoryRightFromWhatVcenterSays() throws Exception {
    try (FlowHarness flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"))) {
      List<StepResult> results = flow.run(flow.settings().vms(List.of("app-01")).build());
      String policy = results.get(results.size() - 1).outputs().get("storagePolicyId");
      try (VimClient vim = flow.vim()) {
        partiallyEncrypt(vim, flow.vm("app-02"), policy, List.of());
        partiallyEncrypt(vim, flow.vm("db-01"), policy, List.of(2000));
      }
      Path reports = Files.createTempDirectory("okms-reports");
      VcenterEncryptionComplianceTask gate = new VcenterEncryptionComplianceTask(reports);

      assertThatThrownBy(() -> flow.run(List.of(gate), flow.settings().vms(List.of("app-*", "db-01", "old-01"))
          .build())).isInstanceOf(StepException.class);

      assertThat(gate.report().vms()).extracting(vm -> vm.name() + ": " + vm.reasons()).containsExactly(
          "app-01: []",
          "app-02: [Hard disk 1 is not encrypted]",
          "db-01: [Hard disk 2 is not encrypted]",
          "old-01: [VM home is not encrypted, Hard disk 1 is not encrypted]");
      assertThat(Files.readString(reports.resolve("TEST-okms-compliance.xml")))
          .contains("tests=\"4\"").contains("failures=\"3\"");
      assertThat(Files.readString(reports.resolve("compliance.md")))
          .contains("| db-01 | **no** | encrypted | 1/2 encrypted | Hard disk 2 is not encrypted |");
      assertThat(flow.sandbox.vcenterServer().counters().count("RetrievePropertiesEx")).isPositive();
    }
  }

  /** Applies the policy to the VM home and only the disks listed, as a hand-made reconfiguration would. */
  private static void partiallyEncrypt(VimClient vim, VmState vm, String policy,
      List<Integer> diskKeys) {
    List<XmlElement> spec = new ArrayList<>();
    for (VmState.Disk disk : vm.disks()) {
      if (diskKeys.contains(disk.deviceKey())) {
        spec.add(XmlElement.of("deviceChange",
            XmlElement.text("operation", "edit"), disk.device().renamed("device"),
            XmlElement.of("profile", XmlElement.text(
                "profileId", policy)).typed("VirtualMachineDefinedProfileSpec")));
      }
    }
    spec.add(XmlElement.of("vmProfile", XmlElement
        .text("profileId", policy)).typed("VirtualMachineDefinedProfileSpec"));
    MoRef task = vim.invoke("ReconfigVM_Task", vm.ref(),
        XmlElement.of("spec", spec)).child("returnval").orElseThrow().asMoRef();
    new TaskWaiter(vim).await(task, "reconfigure", Duration.ofSeconds(10),
        elapsed -> { });
  }
}
