package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an error answer the way the API writes it: {@code class} (v1) or {@code errorCode} (v2), {@code message},
 * {@code details}, and the {@code X-Ovh-QueryID} support asks for; a body that is not JSON is quoted, shortened.
 */
final class OvhErrors {
  private static final int MAX_QUOTED = 200;

  private OvhErrors() {}

  static OvhApiException of(String method, String path, OvhResponse response) {
    String errorClass = null;
    String message = null;
    Map<String, Object> details = Map.of();
    try {
      JsonNode body = Json.mapper().readTree(response.body());
      if (body != null && body.isObject()) {
        errorClass = body.hasNonNull("class") ? body.get("class").asText()
            : body.hasNonNull("errorCode") ? body.get("errorCode").asText() : null;
        message = body.hasNonNull("message") ? body.get("message").asText() : null;
        if (body.has("details") && body.get("details").isObject()) {
          details = Json.mapper().convertValue(body.get("details"),
              new TypeReference<LinkedHashMap<String, Object>>() {});
        }
      }
    } catch (IOException e) {
      message = new String(response.body(), StandardCharsets.UTF_8).strip();
      if (message.length() > MAX_QUOTED) {
        message = message.substring(0, MAX_QUOTED) + "…";
      }
    }
    return new OvhApiException(response.status(), method, path.replaceAll("\\?.*$", ""), errorClass, message,
        details, response.header("X-Ovh-QueryID"));
  }
}
