package io.github.okmsvm.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {
  private static Properties properties(String... namesAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
    }
    return properties;
  }

  @Test
  void aSwitchTakesTrueOrFalseOnlyAndATypoGetsASuggestion() {
    assertThatThrownBy(() -> PropertyCheck.check(List.of(properties("okms.plan", "yes", "okms.allowPowerOf", "true",
        "other.plan", "yes"))))
        .hasMessage("2 settings need fixing: okms.allowPowerOf is not a property of okms-maven-plugin: did you mean"
            + " okms.allowPowerOff?; okms.plan is 'yes': give -Dokms.plan=true or -Dokms.plan=false");
  }

  @Test
  void knownPropertiesAndTheOutputsOfEarlierGoalsPass() {
    assertThatCode(() -> PropertyCheck.check(List.of(properties("okms.plan", "TRUE", "okms.vms", "app-*",
        "okms.sandbox", ""), properties("okms.okmsId", "1111", "okms.encryptedVms", "a,b")))).doesNotThrowAnyException();
  }
}
