package io.github.okmsvm.sandbox.ovh;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;

/** What a route answers: a status, a JSON body (null for none) and extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {
  static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  static Reply empty() {
    return new Reply(200, null, Map.of());
  }

  /** The API's answer to a /1.0 call that returns nothing: 200 with the JSON {@code null}, as clients decode it. */
  static Reply nothing() {
    return new Reply(200, NullNode.getInstance(), Map.of());
  }
}
