package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
          .containsExactly("workflow-step-api", "credentials", "plain-credentials", "credentials-binding",
              "jackson2-api", "apache-httpcomponents-client-5-api", "bouncycastle-api");
    }
  }

  /** The library plugin's version starts with the HttpClient version it bundles: okms-core needs 5.4.3 or later. */
  @Test
  void theHttpClientPluginShipsHttpClient543OrLater() throws IOException {
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      String dependency = Arrays.stream(hpi.getManifest().getMainAttributes().getValue("Plugin-Dependencies")
          .split(",")).filter(dep -> dep.startsWith("apache-httpcomponents-client-5-api:")).findFirst().orElseThrow();
      String library = dependency.substring(dependency.indexOf(':') + 1, dependency.indexOf('-',
          dependency.indexOf(':')));
      int[] version = Arrays.stream((library + ".0.0").split("\\.")).limit(3).mapToInt(Integer::parseInt).toArray();

      assertThat(version[0] * 1_000_000 + version[1] * 1_000 + version[2]).as(dependency)
          .isGreaterThanOrEqualTo(5_004_003);
    }
  }

  /** On an agent, files go through FilePath; user errors end the step through AbortException. */
  @Test
  void thePluginUsesFilePathAndAbortException() throws IOException {
    StringBuilder constants = new StringBuilder();
    try (JarFile hpi = new JarFile(HPI.toFile());
        JarInputStream plugin = new JarInputStream(hpi.getInputStream(
            hpi.getEntry("WEB-INF/lib/okms-vm-encryption.jar")))) {
      for (JarEntry entry = plugin.getNextJarEntry(); entry != null; entry = plugin.getNextJarEntry()) {
        if (entry.getName().endsWith(".class")) {
          constants.append(new String(plugin.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(constants).contains("hudson/FilePath", "hudson/AbortException", "jenkins/MasterToSlaveFileCallable");
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
    List<String> others = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()},
        getClass().getClassLoader());
        JarFile jar = new JarFile(plugin.toFile())) {
      for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
        Object descriptor = item.instance();
        if (!(descriptor instanceof StepDescriptor)) {
          others.add(item.className());
          continue;
        }
        String function = ((StepDescriptor) descriptor).getFunctionName();
        functions.add(function);
        String views = item.className().replace('.', '/').replace("$DescriptorImpl", "/");
        assertThat(jar.getEntry(views + "config.jelly")).as(function + " config.jelly").isNotNull();
        assertThat(jar.getEntry(views + "help.html")).as(function + " help.html").isNotNull();
      }
      assertThat(jar.getEntry("index.jelly")).isNotNull();
    }
    assertThat(functions).containsExactlyInAnyOrder("okmsOrder", "pccOpenKmsFlow", "vcenterTrustOkms",
        "ovhIamPolicy", "vcenterEncryptionPolicy", "vcenterEncryptVm", "vcenterEncryptionCompliance",
        "vcenterRekeyVm");
    assertThat(others).containsExactlyInAnyOrder(
        "io.github.okmsvm.jenkins.credentials.OvhApiCredentialsImpl$DescriptorImpl",
        "io.github.okmsvm.jenkins.credentials.OvhApiBinding$DescriptorImpl",
        "io.github.okmsvm.jenkins.credentials.VsphereBinding$DescriptorImpl");
  }

  /**
   * The credential kind and the bindings have their symbols ({@code ovhApi}, {@code vsphere}) in the text index
   * Jenkins' structs reads, exactly the classes that carry one, and their UI.
   */
  @Test
  void theSymbolIndexListsTheCredentialKindAndTheBindings() throws Exception {
    Path plugin = dir.resolve("okms-vm-encryption.jar");
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      Files.copy(hpi.getInputStream(hpi.getEntry("WEB-INF/lib/okms-vm-encryption.jar")), plugin);
    }
    try (JarFile jar = new JarFile(plugin.toFile());
        URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, getClass().getClassLoader())) {
      List<String> indexed = new String(jar.getInputStream(jar.getEntry("META-INF/services/annotations/"
          + "org.jenkinsci.Symbol")).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<String> annotated = new ArrayList<>();
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        if (entry.getName().endsWith(".class")) {
          Class<?> type = loader.loadClass(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
          if (type.isAnnotationPresent(org.jenkinsci.Symbol.class)) {
            annotated.add(type.getName());
          }
        }
      }

      assertThat(indexed).containsExactlyInAnyOrderElementsOf(annotated).hasSize(3);
      assertThat(jar.getEntry("io/github/okmsvm/jenkins/credentials/OvhApiCredentialsImpl/credentials.jelly"))
          .isNotNull();
      assertThat(jar.getEntry("io/github/okmsvm/jenkins/credentials/VsphereBinding/config-variables.jelly"))
          .isNotNull();
    }
  }
}
