package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built .hpi, as Jenkins will read it. */
class HpiIT {
  private static final Path HPI = Path.of("target/okms-vm-encryption.hpi");
  private static final List<String> STUB_PACKAGES = List.of("hudson/", "jenkins/", "org/jenkinsci/plugins/workflow/",
      "com/cloudbees/plugins/credentials/", "org/jenkinsci/plugins/plaincredentials/", "org/kohsuke/stapler/",
      "net/java/sezpoz/");

  @TempDir Path dir;

  @Test
  void manifestDeclaresThePluginAndItsDependencies() throws IOException {
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      Attributes manifest = hpi.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Short-Name")).isEqualTo("okms-vm-encryption");
      assertThat(manifest.getValue("Long-Name")).isEqualTo("OVHcloud KMS VM encryption");
      assertThat(manifest.getValue("Plugin-Version")).isEqualTo("0.1.0-SNAPSHOT");
      assertThat(manifest.getValue("Jenkins-Version")).startsWith("2.479.");
      assertThat(manifest.getValue("Hudson-Version")).isEqualTo(manifest.getValue("Jenkins-Version"));
      assertThat(manifest.getValue("Group-Id")).isEqualTo("io.github.okmsvm");
      assertThat(manifest.getValue("Artifact-Id")).isEqualTo("okms-vm-encryption");
      assertThat(manifest.getValue("Url")).startsWith("https://");
      assertThat(manifest.getValue("Plugin-Dependencies").split(",")).extracting(dep -> dep.split(":")[0])
          .containsExactly("workflow-step-api", "credentials", "plain-credentials", "jackson2-api",
              "apache-httpcomponents-client-5-api", "bouncycastle-api");
    }
  }

  @Test
  void bundlesThePluginAndTheCoreButNoLibraryAPluginProvidesAndNoStub() throws IOException {
    List<String> libraries = new ArrayList<>();
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      for (JarEntry entry : java.util.Collections.list(hpi.entries())) {
        if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
          libraries.add(entry.getName().substring("WEB-INF/lib/".length()));
          try (JarInputStream jar = new JarInputStream(hpi.getInputStream(entry))) {
            for (JarEntry inner = jar.getNextJarEntry(); inner != null; inner = jar.getNextJarEntry()) {
              String name = inner.getName();
              assertThat(STUB_PACKAGES).as(entry.getName() + " holds " + name)
                  .noneMatch(prefix -> name.startsWith(prefix) && name.endsWith(".class"));
            }
          }
        }
      }
    }
    assertThat(libraries).containsExactlyInAnyOrder("okms-vm-encryption.jar", "okms-core-0.1.0-SNAPSHOT.jar");
  }

  @Test
  void theExtensionIndexListsEveryStepAndEachHasItsUi() throws Exception {
    Path plugin = dir.resolve("okms-vm-encryption.jar");
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      Files.copy(hpi.getInputStream(hpi.getEntry("WEB-INF/lib/okms-vm-encryption.jar")), plugin);
    }
    List<String> functions = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()},
        getClass().getClassLoader());
        JarFile jar = new JarFile(plugin.toFile())) {
      for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
        Object descriptor = item.instance();
        assertThat(descriptor).isInstanceOf(StepDescriptor.class);
        String function = ((StepDescriptor) descriptor).getFunctionName();
        functions.add(function);
        String views = item.className().replace('.', '/').replace("$DescriptorImpl", "/");
        assertThat(jar.getEntry(views + "config.jelly")).as(function + " config.jelly").isNotNull();
        assertThat(jar.getEntry(views + "help.html")).as(function + " help.html").isNotNull();
      }
      assertThat(jar.getEntry("index.jelly")).isNotNull();
    }
    assertThat(functions).containsExactlyInAnyOrder("okmsOrder", "pccOpenKmsFlow", "vcenterTrustOkms",
        "ovhIamPolicy", "vcenterEncryptionPolicy", "vcenterEncryptVm", "vcenterEncryptionCompliance");
  }
}
