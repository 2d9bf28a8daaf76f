package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.UserException;

import java.util.List;
import java.util.Map;

/**
 * An error answer of the OVHcloud API: HTTP status, error class, message, details and query id. The message says
 * what to do: for a missing IAM right it names the actions to grant.
 */
public class OvhApiException extends UserException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final String errorClass;
  private final String apiMessage;
  private final transient Map<String, Object> details;
  private final String queryId;

  public OvhApiException(int status, String method, String path, String errorClass, String apiMessage,
      Map<String, Object> details, String queryId) {
    super(render(status, method, path, errorClass, apiMessage, details, queryId));
    this.status = status;
    this.method = method;
    this.path = path;
    this.errorClass = errorClass;
    this.apiMessage = apiMessage;
    this.details = details == null ? Map.of() : Map.copyOf(details);
    this.queryId = queryId;
  }

  public int status() {
    return status;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String errorClass() {
    return errorClass;
  }

  public String apiMessage() {
    return apiMessage;
  }

  public Map<String, Object> details() {
    return details;
  }

  public String queryId() {
    return queryId;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  /** The IAM actions the caller lacks, from {@code details.unauthorizedActionsByIAM} (and by authentication). */
  public List<String> missingActions() {
    return missingActions(details);
  }

  private static List<String> missingActions(Map<String, Object> details) {
    List<String> actions = new java.util.ArrayList<>();
    for (String key : new String[] {"unauthorizedActionsByIAM", "unauthorizedActionsByAuthentication"}) {
      Object value = details.get(key);
      if (value instanceof List<?> list) {
        list.forEach(action -> actions.add(String.valueOf(action)));
      } else if (value instanceof String text && !text.isBlank()) {
        for (String action : text.split(",")) {
          actions.add(action.strip());
        }
      }
    }
    return actions;
  }

  private static String render(int status, String method, String path, String errorClass, String apiMessage,
      Map<String, Object> details, String queryId) {
    StringBuilder text = new StringBuilder("OVHcloud API ").append(method).append(' ').append(path).append(": HTTP ")
        .append(status);
    if (errorClass != null) {
      text.append(' ').append(errorClass);
    }
    if (apiMessage != null) {
      text.append(" \"").append(apiMessage).append('"');
    }
    text.append(hint(status, apiMessage, details == null ? List.of() : missingActions(details)));
    if (queryId != null) {
      text.append(" (X-Ovh-QueryID ").append(queryId).append(')');
    }
    return text.toString();
  }

  private static String hint(int status, String message, List<String> missing) {
    if (!missing.isEmpty()) {
      return ": grant these IAM actions to the identity used, in an IAM policy on this resource: "
          + String.join(", ", missing);
    }
    String text = message == null ? "" : message;
    if (text.contains("Invalid signature")) {
      return ": check the application secret and consumer key, and that nothing rewrites the request";
    }
    if (text.contains("Invalid application key")) {
      return ": check the application key (OVH_APPLICATION_KEY) and the endpoint it was created on";
    }
    if (text.contains("This credential does not exist")) {
      return ": the consumer key is unknown or not yet validated; create and validate a new one";
    }
    if (status == 401) {
      return ": check the credentials (OVH_CLIENT_ID/OVH_CLIENT_SECRET or the application key)";
    }
    if (status == 403) {
      return ": the credentials lack a right for this call; grant it in IAM or in the consumer key's rules";
    }
    if (status == 460) {
      return ": the service is expired or suspended; renew it";
    }
    return "";
  }
}
