package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The application key scheme's signature: {@code "$1$" + hex(SHA1(AS+"+"+CK+"+"+METHOD+"+"+URL+"+"+BODY+"+"+TS))}
 * over the exact URL and body bytes sent.
 */
public final class RequestSigner {
  private RequestSigner() {}

  public static String sign(Secret applicationSecret, Secret consumerKey, String method, String url, byte[] body,
      long timestamp) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update((applicationSecret.reveal() + "+" + consumerKey.reveal() + "+" + method + "+" + url + "+")
          .getBytes(StandardCharsets.UTF_8));
      sha1.update(body);
      sha1.update(("+" + timestamp).getBytes(StandardCharsets.UTF_8));
      return "$1$" + HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }
}
