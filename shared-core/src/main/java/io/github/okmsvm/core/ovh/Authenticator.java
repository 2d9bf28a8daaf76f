package io.github.okmsvm.core.ovh;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.ClassicHttpRequest;

/** Adds what one credential scheme needs to a request about to be sent, given the exact bytes it will carry. */
interface Authenticator {
  void authenticate(ClassicHttpRequest request, String method, URI url, byte[] body) throws IOException;

  /** The API said 401: forget any cached token so that the one retry fetches a new one. Returns whether to retry. */
  default boolean invalidate() {
    return false;
  }
}
