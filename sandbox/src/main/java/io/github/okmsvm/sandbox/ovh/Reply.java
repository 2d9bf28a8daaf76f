package io.github.okmsvm.sandbox.ovh;

import java.util.Map;

/** What a route answers: a status, a JSON body (null for none) and extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {
  static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  static Reply empty() {
    return new Reply(200, null, Map.of());
  }
}
