package io.github.okmsvm.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptionSettingsTest {
  @Test
  void everyProblemOfACheckIsReportedInOneMessage() {
    EncryptionSettings settings = EncryptionSettings.builder().region("EU WEST").okmsId("not-a-uuid")
        .iamActions(List.of("okms:kmip:*", " ")).build();

    assertThatThrownBy(settings::validateOkms).isInstanceOf(ConfigurationException.class)
        .hasMessage("3 settings need fixing: region 'eu west' is not an OKMS region name: write it like eu-west-rbx;"
            + " okmsId 'not-a-uuid' is not an OKMS id: it is a UUID such as 11111111-2222-3333-4444-555555555555 (see"
            + " the OKMS in the Control Panel), or leave it out; iamActions holds an empty item (item 2): remove it,"
            + " or leave iamActions out for the guide's actions")
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).extracting(p -> p.field().orElseThrow())
            .containsExactly("region", "okmsId", "iamActions"));
  }

  @Test
  void anIamActionMustLookLikeOne() {
    EncryptionSettings settings = EncryptionSettings.builder().region("eu-west-rbx")
        .iamActions(List.of("okms:kmip:*", "pccVMware:apiovh:vmEncryption/kms/changeProperties", "read everything"))
        .build();

    assertThatThrownBy(settings::validateOkms).hasMessage("iamActions 'read everything' is not an IAM action:"
        + " write it like okms:kmip:* or pccVMware:apiovh:vmEncryption/kms/changeProperties");
  }

  @Test
  void namesWithControlCharactersAreRefusedAndShownPrintably() {
    EncryptionSettings settings = EncryptionSettings.builder().storagePolicyName("okms\u0007policy").build();

    assertThatThrownBy(settings::validateVcenter)
        .hasMessage("storagePolicyName must be 1 to 80 printable characters, such as okms-vm-encryption");
    assertThat(EncryptionSettings.printable("a\u0007b")).isEqualTo("a\\u0007b");
  }

  @Test
  void aListWithAnEmptyItemIsRefusedNotCrashedOn() {
    EncryptionSettings settings = EncryptionSettings.builder().vms(Arrays.asList("", null)).build();

    assertThatThrownBy(settings::validateVms).hasMessage("2 settings need fixing: vms holds an empty item (item 1):"
        + " remove it; vms holds an empty item (item 2): remove it");
  }

  @Test
  void validSettingsPass() {
    EncryptionSettings settings = EncryptionSettings.builder().region("EU_WEST_RBX").pccServiceName("pcc-1-2-3-4")
        .vms(List.of("app-*")).build();

    assertThat(settings.validateOkms().validatePcc().validateVcenter().validateVms()).isSameAs(settings);
  }
}
