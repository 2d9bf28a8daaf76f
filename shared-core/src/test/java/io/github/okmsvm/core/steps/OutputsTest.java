package io.github.okmsvm.core.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputsTest {
  @Test
  void outputsKeepTheirTypesInAStableOrderAndSayWhenTheyComeFromAPlan() {
    Map<String, Object> typed = Outputs.typed(Map.of("encryptedVms", "app-01,db-01", "alreadyEncryptedVms", "",
        "compliantVms", "3", "kmsId", "42", "okmsId", "11111111-2222-3333-4444-555555555555"), true);

    assertThat(typed).containsExactly(Map.entry("alreadyEncryptedVms", List.of()), Map.entry("compliantVms", 3L),
        Map.entry("encryptedVms", List.of("app-01", "db-01")), Map.entry("kmsId", 42L),
        Map.entry("okmsId", "11111111-2222-3333-4444-555555555555"), Map.entry("plan", true));
  }
}
