package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import java.net.URI;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpRequest;

/** Sends {@code Authorization: Bearer}, with a token that is either fixed or fetched by a {@link TokenCache}. */
final class BearerAuthenticator implements Authenticator {
  private final Supplier<Secret> token;
  private final TokenCache cache;

  private BearerAuthenticator(Supplier<Secret> token, TokenCache cache) {
    this.token = token;
    this.cache = cache;
  }

  static BearerAuthenticator fixed(Secret token) {
    return new BearerAuthenticator(() -> token, null);
  }

  static BearerAuthenticator cached(TokenCache cache) {
    return new BearerAuthenticator(cache::token, cache);
  }

  @Override
  public void authenticate(ClassicHttpRequest request, String method, URI url, byte[] body) {
    request.setHeader("Authorization", "Bearer " + token.get().reveal());
  }

  @Override
  public boolean invalidate() {
    if (cache == null) {
      return false;
    }
    cache.invalidate();
    return true;
  }
}
