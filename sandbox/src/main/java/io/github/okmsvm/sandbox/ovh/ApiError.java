package io.github.okmsvm.sandbox.ovh;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in the OVHcloud API's shape: {@code {"class", "message", "details"}} with an HTTP status, and beside
 * {@code class} the {@code errorCode} that the authentication layer's refusals carry ({@code INVALID_KEY}, …), which
 * OVHcloud's clients map to their own exceptions.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String errorClass;
  final transient Map<String, Object> details;
  final String errorCode;

  ApiError(int status, String errorClass, String message, Map<String, Object> details) {
    this(status, errorClass, message, details, null);
  }

  private ApiError(int status, String errorClass, String message, Map<String, Object> details, String errorCode) {
    super(message, null, false, false);
    this.status = status;
    this.errorClass = errorClass;
    this.details = details;
    this.errorCode = errorCode;
  }

  /** A 403 of the authentication layer, with its {@code errorCode}. */
  static ApiError refusedCredentials(String errorCode, String message) {
    return new ApiError(403, "Client::Forbidden", message, null, errorCode);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "Client::BadRequest", message, null);
  }

  static ApiError badRequest(String name, String message) {
    return new ApiError(400, "Client::BadRequest::" + name, message, null);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "Client::NotFound", message, null);
  }

  /** The API's answer for a path parameter that names nothing, such as {@code okmsId}. */
  static ApiError noSuchObject(String parameter, Object value) {
    return notFound("The requested object (" + parameter + " = " + value + ") does not exist");
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, "Client::Forbidden", message, null);
  }

  static ApiError notGranted(String action) {
    return new ApiError(403, "Client::Forbidden", "User not granted for this request",
        Map.of("unauthorizedActionsByIAM", action));
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("class", errorClass);
    if (errorCode != null) {
      body.put("errorCode", errorCode);
      body.put("httpCode", status + " Forbidden");
    }
    body.put("message", getMessage());
    if (details != null) {
      body.put("details", details);
    }
    return body;
  }
}
