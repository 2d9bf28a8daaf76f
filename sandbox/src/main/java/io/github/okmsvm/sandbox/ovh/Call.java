package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Json;
import java.io.IOException;
import java.util.Map;

/** One API request as a route handler sees it: path parameters, query, headers, body. */
final class Call {
  final String method;
  final String version;
  final Map<String, String> params;
  final Map<String, String> query;
  final Map<String, String> headers;
  final byte[] body;

  Call(String method, String version, Map<String, String> params, Map<String, String> query,
      Map<String, String> headers, byte[] body) {
    this.method = method;
    this.version = version;
    this.params = params;
    this.query = query;
    this.headers = headers;
    this.body = body;
  }

  String param(String name) {
    return params.get(name);
  }

  String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The JSON body; an absent or malformed body is the API's 400. */
  JsonNode json() {
    if (body.length == 0) {
      throw ApiError.badRequest("Missing request body");
    }
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("Invalid JSON body: expected an object");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.badRequest("Invalid JSON body");
    }
  }

  /** A required string field of the body. */
  String text(String field) {
    JsonNode value = json().get(field);
    if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
      throw ApiError.badRequest("[" + field + "] Property is mandatory");
    }
    return value.asText();
  }

  /** An optional string field of the body. */
  String optionalText(String field) {
    JsonNode value = json().get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
