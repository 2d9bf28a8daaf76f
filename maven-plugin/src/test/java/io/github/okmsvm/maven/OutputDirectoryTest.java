package io.github.okmsvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Outside a project, outputs and reports go under target/okms of where Maven runs, not a folder named ${...}. */
class OutputDirectoryTest {
  @Test
  void anUnresolvedProjectExpressionFallsBackToTargetOkms() {
    OrderMojo mojo = new OrderMojo();

    assertThat(mojo.directory(new File("${project.build.directory}/okms"))).isEqualTo(Path.of(".", "target", "okms"));
    assertThat(mojo.directory(new File("/var/reports"))).isEqualTo(Path.of("/var/reports"));
  }
}
