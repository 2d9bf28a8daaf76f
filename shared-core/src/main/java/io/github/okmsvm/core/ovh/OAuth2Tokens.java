package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.okmsvm.core.common.Secret;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/** Fetches a service account's access token (OAuth2 client credentials) from the endpoint's token URL. */
final class OAuth2Tokens {
  private static final long DEFAULT_LIFETIME_SECONDS = 3600;

  private final CloseableHttpClient http;
  private final OvhEndpoint endpoint;
  private final Clock clock;
  private final Consumer<String> log;

  OAuth2Tokens(CloseableHttpClient http, OvhEndpoint endpoint, Clock clock, Consumer<String> log) {
    this.http = http;
    this.endpoint = endpoint;
    this.clock = clock;
    this.log = log;
  }

  TokenCache.Token fetch(OvhCredentials.ServiceAccount account) {
    String form = "grant_type=client_credentials&client_id=" + encode(account.clientId()) + "&client_secret="
        + encode(account.clientSecret().reveal()) + "&scope=all";
    HttpUriRequestBase request = new HttpUriRequestBase("POST", endpoint.tokenUrl());
    request.setHeader("Accept", "application/json");
    request.setEntity(new ByteArrayEntity(form.getBytes(StandardCharsets.UTF_8),
        ContentType.APPLICATION_FORM_URLENCODED));
    OvhResponse response;
    try {
      response = OvhResponse.execute(http, request);
    } catch (IOException e) {
      throw OvhTransportException.noAnswer("the OAuth2 token endpoint " + endpoint.tokenUrl(), e,
          "check ovhTokenUrl and the network");
    }
    log.accept("POST " + endpoint.tokenUrl().getRawPath() + " -> " + response.status());
    JsonNode body = response.json();
    if (response.status() != 200 || body == null || !body.hasNonNull("access_token")) {
      String error = body != null && body.hasNonNull("error") ? body.get("error").asText()
          : "HTTP " + response.status();
      throw new OvhApiException(response.status(), "POST", endpoint.tokenUrl().getRawPath(), error,
          body != null && body.hasNonNull("error_description") ? body.get("error_description").asText()
              : "the service account was refused: check OVH_CLIENT_ID and OVH_CLIENT_SECRET",
          Map.of(), response.header("X-Ovh-QueryID"));
    }
    long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong() : DEFAULT_LIFETIME_SECONDS;
    return new TokenCache.Token(Secret.of(body.get("access_token").asText()),
        clock.instant().plusSeconds(expiresIn));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
