package io.github.okmsvm.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every import follows ARCHITECTURE.md: the core's package hierarchy, and the types the front ends may use. */
class PackageDependenciesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ImportRules RULES = ImportRules.fromArchitecture(ROOT.resolve("ARCHITECTURE.md"));
  private static final Path CORE_SOURCES = ROOT.resolve("shared-core/src/main/java/io/github/okmsvm/core");

  @Test
  void theTableNamesEveryCorePackage() throws Exception {
    Set<String> packages = new TreeSet<>();
    try (var children = Files.list(CORE_SOURCES)) {
      children.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
    }

    assertThat(new TreeSet<>(RULES.packages())).isEqualTo(packages);
  }

  @Test
  void corePackagesImportOnlyWhatTheirRowAllows() {
    List<String> violations = new ArrayList<>();
    for (Path file : ImportRules.javaFiles(CORE_SOURCES)) {
      violations.addAll(RULES.coreViolations(ImportRules.text(file)));
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void frontEndsUseOnlyTheCoresListedTypes() {
    assertThat(RULES.frontEndApi()).contains("connect.Connections", "steps.Command", "common.UserException");
    List<String> violations = new ArrayList<>();
    for (String module : List.of("maven-plugin", "jenkins-plugin")) {
      for (Path file : ImportRules.javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
        violations.addAll(RULES.frontEndViolations(ImportRules.text(file)));
      }
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void aWrongWayImportIsCaught() {
    String ovhUsingSteps = "package io.github.okmsvm.core.ovh;\n\nimport io.github.okmsvm.core.steps.StepContext;\n"
        + "import io.github.okmsvm.core.http.RetryPolicy;\n\nfinal class Wrong {}\n";
    String commonUsingConfig = "package io.github.okmsvm.core.common;\n\n"
        + "import static io.github.okmsvm.core.config.SettingNames.REGION;\n\nfinal class Wrong {}\n";
    String mojoUsingInternals = "package io.github.okmsvm.maven;\n\nimport io.github.okmsvm.core.ovh.OvhApi;\n"
        + "import io.github.okmsvm.core.steps.Command;\n\nfinal class Wrong {}\n";

    assertThat(RULES.coreViolations(ovhUsingSteps)).containsExactly("ovh -> io.github.okmsvm.core.steps.StepContext");
    assertThat(RULES.coreViolations(commonUsingConfig))
        .containsExactly("common -> io.github.okmsvm.core.config.SettingNames.REGION");
    assertThat(RULES.frontEndViolations(mojoUsingInternals))
        .containsExactly("io.github.okmsvm.maven -> io.github.okmsvm.core.ovh.OvhApi");
  }
}
