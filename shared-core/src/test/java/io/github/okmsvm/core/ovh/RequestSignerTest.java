package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published signature vectors (the first seven are those of OVHcloud's own Python client's tests). */
class RequestSignerTest {
  private static final Secret AS = Secret.of("9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk");
  private static final Secret CK = Secret.of("5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY");
  private static final long TIMESTAMP = 1457018875L;
  private static final String B1 = "{\"name\":\"vcenter-kms\",\"identityURNs\":[\"urn:v1:eu:identity:account:xx1111-ovh\"],"
      + "\"csr\":\"-----BEGIN CERTIFICATE REQUEST-----\\nMIIB\\n-----END CERTIFICATE REQUEST-----\\n\","
      + "\"validity\":365,\"description\":\"vSphere KMS\"}";
  private static final String B2 = "{\"description\":\"OKMS RBX\",\"ip\":\"203.0.113.10\","
      + "\"sslThumbprint\":\"A7:61:68:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00\"}";

  @ParameterizedTest(name = "vector {0}")
  @CsvSource(delimiter = '|', value = {
    "1|GET|https://eu.api.ovh.com/1.0/auth||$1$e9556054b6309771395efa467c22e627407461ad",
    "2|POST|https://eu.api.ovh.com/1.0/auth|AB|$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1",
    "3|PUT|https://eu.api.ovh.com/1.0/auth|AB|$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b",
    "4|DELETE|https://eu.api.ovh.com/1.0/auth||$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85",
    "5|GET|https://eu.api.ovh.com/1.0/call||$1$7f2db49253edfc41891023fcd1a54cf61db05fbb",
    "6|GET|https://eu.api.ovh.com/v1/call||$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad",
    "7|GET|https://eu.api.ovh.com/v2/call||$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285",
    "8|POST|https://eu.api.ovh.com/v2/okms/resource/11111111-2222-3333-4444-555555555555/credential|B1"
        + "|$1$e33feae594c58078ba417abd96772e86605e6009",
    "9|GET|https://eu.api.ovh.com/v2/okms/resource/11111111-2222-3333-4444-555555555555/credential/"
        + "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee||$1$dd27b2154e379af3108f3441a40687e4a8502eb5",
    "10|POST|https://eu.api.ovh.com/v1/dedicatedCloud/pcc-198-51-100-1/vmEncryption/kms|B2"
        + "|$1$dd47127fb5099e4c549f06f337372c1b0fc413c1",
    "11|GET|https://eu.api.ovh.com/v1/dedicatedCloud/pcc-198-51-100-1/task?state=doing"
        + "||$1$4c78ee7f24ef45344239b361f86f45156c92e215",
    "12|GET|https://eu.api.ovh.com/v2/okms/resource||$1$97cecc07ef4edb826a3386b38298d7c86a428bbb",
    "13|GET|https://ca.api.ovh.com/v2/okms/resource||$1$0470343539c5323c583f2cd95eb5f177d94e0896",
    "14|GET|https://api.us.ovhcloud.com/v2/okms/resource||$1$5cb56d538ecd905f5cdb2892ce5bc8fa1e2e0c58",
    "15|GET|https://api.eu.ovhcloud.com/v2/okms/resource||$1$d2d44490dbfdc9e82dc24b81d75e10587f02f693",
  })
  void matchesTheReferenceVector(int vector, String method, String url, String body, String expected) {
    String text = body == null ? "" : switch (body) {
      case "AB" -> "{\"a\":\"b\",\"c\":\"d\"}";
      case "B1" -> B1;
      case "B2" -> B2;
      default -> body;
    };
    if ("B1".equals(body)) {
      assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(209);
    }

    assertThat(RequestSigner.sign(AS, CK, method, url, text.getBytes(StandardCharsets.UTF_8), TIMESTAMP))
        .isEqualTo(expected);
  }
}
