package io.github.okmsvm.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingSpellingTest {
  private static final String CORE = "there is no OKMS in region eu-west-rbx and order is false: set order=true to"
      + " order one. Fix them, or set partial=true.";

  @Test
  void mavenUsersReadAProperty() {
    assertThat(SettingSpelling.MAVEN.rewrite(CORE)).isEqualTo("there is no OKMS in region eu-west-rbx and order is"
        + " false: set -Dokms.order=true to order one. Fix them, or set partial=true.".replace("partial=true",
            "-Dokms.partial=true"));
  }

  @Test
  void jenkinsUsersReadAStepArgument() {
    assertThat(SettingSpelling.JENKINS.rewrite(CORE)).isEqualTo("there is no OKMS in region eu-west-rbx and order is"
        + " false: set order: true to order one. Fix them, or set partial: true.");
  }

  @Test
  void onlyKnownSettingsAreRewritten() {
    String message = "set x=1 and set orderly=true, but set vcenterInsecure=true as well";

    assertThat(SettingSpelling.MAVEN.rewrite(message))
        .isEqualTo("set x=1 and set orderly=true, but set -Dokms.vcenterInsecure=true as well");
    assertThat(SettingSpelling.CORE.rewrite(message)).isEqualTo(message);
  }
}
