package io.github.okmsvm.core.ovh;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.function.LongSupplier;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * Signs requests with the application key scheme. The clock offset to the API is read once from
 * {@code /auth/time}, as OVHcloud's libraries do, so a machine whose clock is off still signs valid timestamps.
 */
final class ApplicationKeyAuthenticator implements Authenticator {
  private final OvhCredentials.ApplicationKey credentials;
  private final Clock clock;
  private final LongSupplier serverTime;
  private volatile Long offsetSeconds;

  ApplicationKeyAuthenticator(OvhCredentials.ApplicationKey credentials, Clock clock, LongSupplier serverTime) {
    this.credentials = credentials;
    this.clock = clock;
    this.serverTime = serverTime;
  }

  @Override
  public void authenticate(ClassicHttpRequest request, String method, URI url, byte[] body) throws IOException {
    long timestamp = clock.instant().getEpochSecond() + offset();
    request.setHeader("X-Ovh-Application", credentials.applicationKey());
    request.setHeader("X-Ovh-Consumer", credentials.consumerKey().reveal());
    request.setHeader("X-Ovh-Timestamp", Long.toString(timestamp));
    request.setHeader("X-Ovh-Signature", RequestSigner.sign(credentials.applicationSecret(),
        credentials.consumerKey(), method, url.toASCIIString(), body, timestamp));
  }

  private long offset() {
    Long known = offsetSeconds;
    if (known == null) {
      synchronized (this) {
        if (offsetSeconds == null) {
          offsetSeconds = serverTime.getAsLong() - clock.instant().getEpochSecond();
        }
        known = offsetSeconds;
      }
    }
    return known;
  }
}
