package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OVHcloud's published API schemas, read from the shared folder beside the repository, and a validator of JSON
 * answers against a route's response model: types, enums, non-null fields present, no field the model lacks.
 */
final class OvhSchemas {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final Map<String, JsonNode> models = new HashMap<>();
  private final Map<String, String> responseTypes = new HashMap<>();

  private OvhSchemas() {}

  /** The schemas, or null when the folder is absent (outside CI). */
  static OvhSchemas load() throws IOException {
    Path dir = Path.of(System.getProperty("okms.ovhApiSchemas", "../../shared/ovh-api-schemas"));
    if (!Files.isDirectory(dir)) {
      return null;
    }
    OvhSchemas schemas = new OvhSchemas();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("v[12]_[a-zA-Z]+\\.json")).toList()) {
        String version = file.getFileName().toString().substring(0, 2);
        JsonNode root = Json.mapper().readTree(file.toFile());
        root.path("models").fields().forEachRemaining(entry -> schemas.models.put(entry.getKey(), entry.getValue()));
        for (JsonNode api : root.path("apis")) {
          for (JsonNode operation : api.path("operations")) {
            schemas.responseTypes.put(operation.path("httpMethod").asText() + " /" + version
                + api.path("path").asText(), operation.path("responseType").asText());
          }
        }
      }
    }
    return schemas;
  }

  /** Problems of {@code body} against the response model of {@code route} ({@code "GET /v2/okms/resource"}). */
  List<String> validate(String route, byte[] body, boolean paged) throws IOException {
    List<String> problems = new ArrayList<>();
    String type = responseTypes.get(route);
    if (type == null) {
      problems.add(route + ": no such route in the schemas");
      return problems;
    }
    if (type.equals("void")) {
      // a void call answers the JSON null (OVHcloud's clients decode every 200 body as JSON)
      if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).strip().equals("null")) {
        problems.add(route + ": answers a body other than null, the schema says void");
      }
      return problems;
    }
    JsonNode json = Json.mapper().readTree(body);
    check(type, json, route, problems);
    return problems;
  }

  private void check(String type, JsonNode value, String where, List<String> problems) {
    if (value == null || value.isNull()) {
      problems.add(where + ": null where " + type + " is expected");
      return;
    }
    if (type.endsWith("[]")) {
      if (!value.isArray()) {
        problems.add(where + ": expected an array of " + type);
        return;
      }
      int index = 0;
      for (JsonNode item : value) {
        check(type.substring(0, type.length() - 2), item, where + "[" + index++ + "]", problems);
      }
      return;
    }
    if (type.startsWith("map[string]")) {
      if (!value.isObject()) {
        problems.add(where + ": expected an object for " + type);
        return;
      }
      String valueType = type.substring("map[string]".length());
      value.fields().forEachRemaining(entry -> check(valueType, entry.getValue(), where + "." + entry.getKey(),
          problems));
      return;
    }
    switch (type) {
      case "string", "text", "password", "duration", "time" -> expect(value.isTextual(), where, type, problems);
      case "uuid" -> expect(value.isTextual() && UUID.matcher(value.asText()).matches(), where, type, problems);
      case "ipv4" -> expect(value.isTextual() && IPV4.matcher(value.asText()).matches(), where, type, problems);
      case "datetime", "date" -> expect(value.isTextual() && isInstant(value.asText()), where, type, problems);
      case "long", "int" -> expect(value.isIntegralNumber(), where, type, problems);
      case "double" -> expect(value.isNumber(), where, type, problems);
      case "boolean" -> expect(value.isBoolean(), where, type, problems);
      default -> checkModel(type, value, where, problems);
    }
  }

  private void checkModel(String type, JsonNode value, String where, List<String> problems) {
    JsonNode model = models.get(type);
    if (model == null) {
      problems.add(where + ": unknown type " + type);
      return;
    }
    if (model.has("enum")) {
      boolean known = false;
      for (JsonNode constant : model.get("enum")) {
        known |= constant.asText().equals(value.asText());
      }
      expect(value.isTextual() && known, where, type + " " + model.get("enum"), problems);
      return;
    }
    if (!value.isObject()) {
      problems.add(where + ": expected an object " + type);
      return;
    }
    JsonNode properties = model.path("properties");
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!properties.has(name)) {
        problems.add(where + "." + name + ": not a field of " + type);
      }
    }
    properties.fields().forEachRemaining(entry -> {
      JsonNode field = value.get(entry.getKey());
      boolean nullable = entry.getValue().path("canBeNull").asBoolean(false);
      if (field == null || field.isNull()) {
        if (!nullable) {
          problems.add(where + "." + entry.getKey() + ": missing, and " + type + " says it cannot be null");
        }
        return;
      }
      check(entry.getValue().path("type").asText(), field, where + "." + entry.getKey(), problems);
    });
  }

  private static boolean isInstant(String text) {
    try {
      java.time.OffsetDateTime.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      try {
        java.time.Instant.parse(text);
        return true;
      } catch (java.time.format.DateTimeParseException again) {
        return false;
      }
    }
  }

  private static void expect(boolean ok, String where, String type, List<String> problems) {
    if (!ok) {
      problems.add(where + ": not a valid " + type);
    }
  }
}
