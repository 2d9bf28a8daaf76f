package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.steps.StepResult;
import io.github.okmsvm.core.steps.VcenterTrustOkmsTask;
import io.github.okmsvm.core.steps.OkmsOrderTask;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A credential belongs to its key provider: another provider never deletes it, and a deleted one is replaced. */
class CredentialOwnershipIT {
  private static List<String> changes(List<StepResult> results) {
    return results.stream().flatMap(result -> result.changes().stream()).toList();
  }

  @Test
  void aSecondProviderOnTheSameOkmsNeverDeletesTheFirstProvidersCredential() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<StepResult> first = flow.run(flow.settings().build());
      String okmsId = first.get(0).outputs().get("okmsId");
      String firstCredential = first.get(first.size() - 1).outputs().get("credentialId");

      List<StepResult> second = flow.run(List.of(new OkmsOrderTask(), new VcenterTrustOkmsTask()),
          flow.settings().providerName("okms-second").setDefault(false).build());

      assertThat(changes(second)).noneMatch(change -> change.startsWith("delete"));
      try (OvhApi ovh = flow.ovh()) {
        assertThat(new OkmsApi(ovh).credentials(okmsId)).extracting(OkmsApi.Credential::id)
            .contains(firstCredential, second.get(1).outputs().get("credentialId"));
        assertThat(new OkmsApi(ovh).credentials(okmsId)).extracting(OkmsApi.Credential::description)
            .anyMatch(description -> description.startsWith("vCenter key provider okms-eu-west-rbx of vCenter "))
            .anyMatch(description -> description.startsWith("vCenter key provider okms-second of vCenter "));
      }
      assertThat(changes(flow.run(flow.settings().build()))).as("the first provider is still converged").isEmpty();
    }
  }

  @Test
  void aProviderWhoseCredentialWasDeletedIsRepairedNotReportedConverged() {
    try (FlowHarness flow = FlowHarness.start()) {
      List<StepResult> first = flow.run(flow.settings().build());
      String okmsId = first.get(0).outputs().get("okmsId");
      String deleted = first.get(first.size() - 1).outputs().get("credentialId");
      try (OvhApi ovh = flow.ovh()) {
        new OkmsApi(ovh).deleteCredential(okmsId, deleted);
      }

      List<StepResult> repair = flow.run(flow.settings().build());

      assertThat(changes(repair)).contains("have OKMS sign vCenter's CSR as credential vcenter-kms",
          "give vCenter the certificate OKMS signed as credential vcenter-kms");
      String replacement = repair.get(repair.size() - 1).outputs().get("credentialId");
      assertThat(replacement).isNotEqualTo(deleted);
      try (OvhApi ovh = flow.ovh(); VimClient vim = flow.vim()) {
        OkmsApi.Credential live = new OkmsApi(ovh).credential(okmsId, replacement);
        assertThat(Pem.certificate(new CryptoManager(vim).retrieveClientCert("okms-eu-west-rbx"), "vCenter's"))
            .isEqualTo(Pem.certificate(live.certificatePEM(), "OKMS's"));
      }
      assertThat(changes(flow.run(flow.settings().build()))).as("then converged").isEmpty();
    }
  }
}
