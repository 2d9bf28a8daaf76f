package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Map;

/** {@code iam.ResourceMetadata}: the IAM identity of a resource, whose {@code urn} policies name. */
public record IamMetadata(String id, String urn, String displayName, State state, Map<String, String> tags) {

  /** {@code iam.ResourceMetadata.StateEnum}. */
  public enum State {
    EXPIRED,
    IN_CREATION,
    OK,
    SUSPENDED,
    @JsonEnumDefaultValue
    UNKNOWN
  }
}
