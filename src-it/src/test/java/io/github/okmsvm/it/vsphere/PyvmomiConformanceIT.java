package io.github.okmsvm.it.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.okmsvm.it.Conformance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VMware's Python SDK, pyvmomi, which decodes every answer against its own copy of the vim25 and SPBM types, logs in
 * to the sandbox vCenter, walks its VMs and calls the key-provider and storage-policy methods the product uses.
 */
class PyvmomiConformanceIT {
  @TempDir static Path work;
  private static SandboxPeer sandbox;

  @BeforeAll
  static void start() {
    Conformance.requirePythonPeer("pyvmomi");
    sandbox = SandboxPeer.start();
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void pyvmomiReadsTheInventoryTheKeyProviderAndThePolicies() throws Exception {
    Path script = work.resolve("pyvmomi_walk.py");
    try (var in = PyvmomiConformanceIT.class.getResourceAsStream("pyvmomi_walk.py")) {
      Files.copy(in, script);
    }
    URI sdk = URI.create(sandbox.url());
    Path trust = Path.of(sandbox.govcEnvironment(work).get("GOVC_TLS_CA_CERTS"));
    Process process = new ProcessBuilder(Conformance.pythonPeer().toString(), script.toString(), sdk.getHost(),
        Integer.toString(sdk.getPort()), sandbox.username(), sandbox.password().reveal(), trust.toString(),
        sandbox.vmInventoryPath()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    Map<String, Object> observed = new ObjectMapper().readValue(output.lines().reduce((a, b) -> b).orElse("{}"),
        new TypeReference<Map<String, Object>>() { });

    assertThat(observed).containsEntry("about", "VirtualCenter 8.0.3.0").containsEntry("time", true)
        .containsEntry("vms", sandbox.vmCount()).containsEntry("pages", (sandbox.vmCount() + 6) / 7)
        .containsEntry("first vm", Map.of("name", "web-01", "power", "poweredOn", "disks", 2, "encrypted", false))
        .containsEntry("vm by path", sandbox.vmName())
        .containsEntry("key providers", List.of("okms")).containsEntry("default provider", "okms")
        .containsEntry("active", true).containsEntry("status", "green").containsEntry("client certificate", true)
        .containsEntry("generate key", true)
        .containsEntry("key status", List.of(false, "KeyStateNotActiveOrEnabled"));
    assertThat((List<?>) observed.get("policies")).isNotEmpty();
  }
}
