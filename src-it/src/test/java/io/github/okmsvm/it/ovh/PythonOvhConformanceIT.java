package io.github.okmsvm.it.ovh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.okmsvm.it.Conformance;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OVHcloud's official Python client, python-ovh, on the routes the product calls, signed with an application key and
 * then with an OAuth2 service account: the sandbox API answers it as OVHcloud's does, refusals included.
 */
class PythonOvhConformanceIT {
  private static final String PCC = "pcc-198-51-100-7";

  @TempDir static Path work;
  private static OkmsSandbox sandbox;
  private static Path script;
  private static Path trust;

  @BeforeAll
  static void start() throws Exception {
    Conformance.requirePythonPeer("ovh");
    sandbox = OkmsSandbox.builder().pcc(PCC).existingOkms("eu-west-rbx").start();
    sandbox.stateStep(Duration.ofSeconds(5)); // a new credential stays CREATING while the script tries to delete it
    script = work.resolve("python_ovh_routes.py");
    try (var in = PythonOvhConformanceIT.class.getResourceAsStream("python_ovh_routes.py")) {
      Files.copy(in, script);
    }
    trust = Files.writeString(work.resolve("trust.pem"), sandbox.trustBundlePem());
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void pythonOvhGetsTheSameAnswersWithAnApplicationKeyAndWithOauth2() throws Exception {
    var key = sandbox.applicationKey();
    Map<String, Object> signed = routes("application-key", Map.of("OVH_APPLICATION_KEY", key.applicationKey(),
        "OVH_APPLICATION_SECRET", key.applicationSecret().reveal(), "OVH_CONSUMER_KEY", key.consumerKey().reveal()));
    var account = sandbox.serviceAccount();
    Map<String, Object> oauth2 = routes("oauth2", Map.of("OVH_CLIENT_ID", account.clientId(),
        "OVH_CLIENT_SECRET", account.clientSecret().reveal()));

    assertThat(signed).containsEntry("time", true).containsEntry("me", List.of("currency", "nichandle",
            "ovhSubsidiary"))
        .containsEntry("regions", true).containsEntry("okms count", 1)
        .containsEntry("okms", List.of("iam", "id", "kmipEndpoint", "region", "restEndpoint"))
        .containsEntry("credential created", "CREATING").containsEntry("credential listed", true)
        .containsEntry("delete while creating", "BadParametersError Client::BadRequest::CredentialStatusInvalid")
        .containsEntry("pcc", PCC).containsEntry("kms entries", true).containsEntry("iam policies", true)
        .containsEntry("iam actions", true).containsEntry("cart", true).containsEntry("orders", true)
        .containsEntry("payment methods", true)
        .containsEntry("delete cart", null)
        .containsEntry("unknown consumer key", "InvalidCredential Client::Forbidden")
        .containsEntry("unknown application key", "InvalidKey Client::Forbidden")
        .containsEntry("unknown route", "ResourceNotFoundError Client::NotFound");
    assertThat((String) signed.get("credential with a bad validity")).startsWith("BadParametersError");
    assertThat(signed.get("cart with an unknown subsidiary")).isEqualTo("BadParametersError Client::BadRequest");
    assertThat(oauth2).isEqualTo(signed);
  }

  private static Map<String, Object> routes(String auth, Map<String, String> credentials) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Conformance.pythonPeer().toString(), script.toString(),
        sandbox.ovhEndpoint().apiBase().toString().replaceAll("/1\\.0/?$|/$", ""),
        sandbox.ovhEndpoint().tokenUrl().toString(), PCC, auth).redirectErrorStream(true);
    builder.environment().putAll(credentials);
    builder.environment().put("REQUESTS_CA_BUNDLE", trust.toString());
    builder.environment().put("SANDBOX_APPLICATION_KEY", sandbox.applicationKey().applicationKey());
    builder.environment().put("SANDBOX_APPLICATION_SECRET", sandbox.applicationKey().applicationSecret().reveal());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return new ObjectMapper().readValue(output.lines().reduce((a, b) -> b).orElse("{}"),
        new TypeReference<Map<String, Object>>() { });
  }
}
