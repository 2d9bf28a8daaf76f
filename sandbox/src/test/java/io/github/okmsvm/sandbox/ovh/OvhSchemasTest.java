package io.github.okmsvm.sandbox.ovh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The schema check must be able to fail: it sees a missing field, an extra field, a bad enum and a bad type. */
class OvhSchemasTest {
  @Test
  void seesWhatBreaksAModel() throws Exception {
    OvhSchemas schemas = OvhSchemas.load();
    assumeTrue(schemas != null, "the published OVHcloud API schemas are not beside the repository: not checked");

    assertThat(schemas.validate("GET /v1/dedicatedCloud/{serviceName}/vmEncryption",
        "{\"state\":\"enabled\"}".getBytes(StandardCharsets.UTF_8), false)).isEmpty();
    assertThat(schemas.validate("GET /v1/dedicatedCloud/{serviceName}/vmEncryption",
        "{\"state\":\"on\",\"extra\":1}".getBytes(StandardCharsets.UTF_8), false))
        .hasSize(2).anyMatch(problem -> problem.contains("extra: not a field"));
    assertThat(schemas.validate("GET /v1/dedicatedCloud/{serviceName}/vmEncryption/kms/{kmsId}",
        "{\"kmsId\":\"1\"}".getBytes(StandardCharsets.UTF_8), false))
        .anyMatch(problem -> problem.contains("kmsId: not a valid long"))
        .anyMatch(problem -> problem.contains("sslThumbprint: missing"));
  }
}
