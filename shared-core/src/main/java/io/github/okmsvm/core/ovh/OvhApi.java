package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * A client of the OVHcloud API, v1 and v2: authenticates every call with one credential scheme, signs the exact
 * bytes it sends, follows v2 cursor pagination, retries reads (never writes) on connect errors, 5xx and 429, and turns
 * error answers into {@link OvhApiException}. Thread-safe; close it to release its connections.
 */
public final class OvhApi implements AutoCloseable {
  /** Sleeps between retries; tests replace it to count and skip the waits. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final ObjectMapper JSON = Json.mapper();

  private final OvhEndpoint endpoint;
  private final CloseableHttpClient http;
  private final Authenticator authenticator;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Consumer<String> log;

  private OvhApi(Builder builder) {
    this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint");
    this.retryPolicy = builder.retryPolicy;
    this.sleeper = builder.sleeper;
    this.log = builder.log;
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setTlsSocketStrategy(builder.sslContext == null ? DefaultClientTlsStrategy.createSystemDefault()
                : new DefaultClientTlsStrategy(builder.sslContext))
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(builder.connectTimeout))
                .setSocketTimeout(Timeout.of(builder.readTimeout)).build())
            .setMaxConnTotal(20).setMaxConnPerRoute(20)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(builder.readTimeout)).build())
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
    this.authenticator = authenticatorFor(Objects.requireNonNull(builder.credentials, "credentials"),
        builder.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  public OvhEndpoint endpoint() {
    return endpoint;
  }

  /** The API's clock, in epoch seconds ({@code GET /auth/time}, unauthenticated). */
  public long serverTime() {
    return JSON.convertValue(call("GET", OvhEndpoint.Version.V1, "/auth/time", null, false), Long.class);
  }

  public <T> T get(OvhEndpoint.Version version, String path, Map<String, ?> query, Class<T> type) {
    return convert(call("GET", version, path + queryString(query), null, true), JSON.constructType(type));
  }

  public <T> T get(OvhEndpoint.Version version, String path, Map<String, ?> query, TypeReference<T> type) {
    return convert(call("GET", version, path + queryString(query), null, true), JSON.constructType(type));
  }

  /** Every item of a v2 list, page after page, following {@code X-Pagination-Cursor-Next}. */
  public <T> List<T> getAllPages(String path, Map<String, ?> query, Class<T> itemType) {
    JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, itemType);
    List<T> items = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> headers = cursor == null ? Map.of() : Map.of("X-Pagination-Cursor", cursor);
      Response response = execute("GET", OvhEndpoint.Version.V2, path + queryString(query), null, headers);
      List<T> page = convert(response.json(), listType);
      items.addAll(page);
      cursor = response.header("X-Pagination-Cursor-Next");
    } while (cursor != null && !cursor.isEmpty());
    return items;
  }

  public <T> T post(OvhEndpoint.Version version, String path, Object body, Class<T> type) {
    return convert(call("POST", version, path, body, true), JSON.constructType(type));
  }

  public <T> T put(OvhEndpoint.Version version, String path, Object body, Class<T> type) {
    return convert(call("PUT", version, path, body, true), JSON.constructType(type));
  }

  public <T> T delete(OvhEndpoint.Version version, String path, Class<T> type) {
    return convert(call("DELETE", version, path, null, true), JSON.constructType(type));
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes a query: strings as they are, anything else (an {@code iamTags} filter map) as JSON. */
  public static String queryString(Map<String, ?> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, ?> entry : query.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      String value;
      try {
        value = entry.getValue() instanceof String string ? string
            : entry.getValue() instanceof Number || entry.getValue() instanceof Boolean
                ? String.valueOf(entry.getValue()) : JSON.writeValueAsString(entry.getValue());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("query parameter " + entry.getKey() + " cannot be written as JSON", e);
      }
      text.append(text.length() == 0 ? '?' : '&').append(encode(entry.getKey())).append('=').append(encode(value));
    }
    return text.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode call(String method, OvhEndpoint.Version version, String pathAndQuery, Object body,
      boolean authenticated) {
    byte[] bytes = body == null ? null : serialize(body);
    return (authenticated ? execute(method, version, pathAndQuery, bytes, Map.of())
        : executeUnauthenticated(version, pathAndQuery)).json();
  }

  private Response execute(String method, OvhEndpoint.Version version, String pathAndQuery, byte[] body,
      Map<String, String> headers) {
    URI url = endpoint.url(version, pathAndQuery);
    boolean retried401 = false;
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = send(method, url, body, headers, true);
      } catch (IOException e) {
        if (!method.equals("GET")) {
          throw new OvhTransportException("OVHcloud API " + method + " " + version.prefix() + pathAndQuery
              + " got no answer (" + e.getMessage() + "): it may or may not have been applied", e);
        }
        if (attempt >= retryPolicy.maxAttempts()) {
          throw new OvhTransportException("OVHcloud API GET " + version.prefix() + pathAndQuery + " got no answer"
              + " after " + attempt + " attempts (" + e.getMessage() + "): check the network and the endpoint "
              + endpoint.apiBase(), e);
        }
        pause(retryPolicy.delay(attempt, null));
        continue;
      }
      if (response.status == 401 && !retried401 && authenticator.invalidate()) {
        retried401 = true; // a token refused before its time: fetch a new one, once
        attempt--;
        continue;
      }
      if (response.status < 400) {
        return response;
      }
      if (method.equals("GET") && RetryPolicy.isRetryableStatus(response.status)
          && attempt < retryPolicy.maxAttempts()) {
        pause(retryPolicy.delay(attempt, retryAfter(response.header("Retry-After"))));
        continue;
      }
      throw error(method, version.prefix() + pathAndQuery, response);
    }
  }

  private Response executeUnauthenticated(OvhEndpoint.Version version, String pathAndQuery) {
    URI url = endpoint.url(version, pathAndQuery);
    for (int attempt = 1; ; attempt++) {
      try {
        Response response = send("GET", url, null, Map.of(), false);
        if (response.status < 400) {
          return response;
        }
        if (!RetryPolicy.isRetryableStatus(response.status) || attempt >= retryPolicy.maxAttempts()) {
          throw error("GET", version.prefix() + pathAndQuery, response);
        }
        pause(retryPolicy.delay(attempt, retryAfter(response.header("Retry-After"))));
      } catch (IOException e) {
        if (attempt >= retryPolicy.maxAttempts()) {
          throw new OvhTransportException("OVHcloud API GET " + version.prefix() + pathAndQuery + " got no answer ("
              + e.getMessage() + "): check the network and the endpoint " + endpoint.apiBase(), e);
        }
        pause(retryPolicy.delay(attempt, null));
      }
    }
  }

  private Response send(String method, URI url, byte[] body, Map<String, String> headers, boolean authenticated)
      throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(method, url);
    request.setHeader("Accept", "application/json");
    headers.forEach(request::setHeader);
    byte[] signed = body == null ? new byte[0] : body;
    if (body != null) {
      request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    }
    if (authenticated) {
      authenticator.authenticate(request, method, url, signed);
    }
    long started = System.nanoTime();
    Response response = http.execute(request, answer -> new Response(answer.getCode(), answer.getHeaders(),
        answer.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(answer.getEntity())));
    log.accept(method + " " + url.getRawPath() + " -> " + response.status + " ("
        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
    return response;
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OvhTransportException("interrupted while waiting to retry", e);
    }
  }

  private static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (java.time.format.DateTimeParseException unparsable) {
        return null;
      }
    }
  }

  private static OvhApiException error(String method, String path, Response response) {
    String errorClass = null;
    String message = null;
    Map<String, Object> details = Map.of();
    try {
      JsonNode body = JSON.readTree(response.body);
      if (body != null && body.isObject()) {
        errorClass = body.hasNonNull("class") ? body.get("class").asText()
            : body.hasNonNull("errorCode") ? body.get("errorCode").asText() : null;
        message = body.hasNonNull("message") ? body.get("message").asText() : null;
        if (body.has("details") && body.get("details").isObject()) {
          details = JSON.convertValue(body.get("details"), new TypeReference<LinkedHashMap<String, Object>>() {});
        }
      }
    } catch (IOException e) {
      message = new String(response.body, StandardCharsets.UTF_8).strip();
      if (message.length() > 200) {
        message = message.substring(0, 200) + "…";
      }
    }
    return new OvhApiException(response.status, method, path.replaceAll("\\?.*$", ""), errorClass, message,
        details, response.header("X-Ovh-QueryID"));
  }

  private static byte[] serialize(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request body cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T convert(JsonNode node, JavaType type) {
    if (type.getRawClass() == Void.class) {
      return null;
    }
    try {
      return JSON.convertValue(node, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the OVHcloud API answered JSON that does not fit " + type + ": "
          + e.getMessage(), e);
    }
  }

  private Authenticator authenticatorFor(OvhCredentials credentials, Clock clock) {
    if (credentials instanceof OvhCredentials.ApplicationKey applicationKey) {
      return new ApplicationKeyAuthenticator(applicationKey, clock, this::serverTime);
    }
    if (credentials instanceof OvhCredentials.ServiceAccount account) {
      return BearerAuthenticator.cached(new TokenCache(() -> fetchToken(account, clock), clock));
    }
    return BearerAuthenticator.fixed(((OvhCredentials.AccessToken) credentials).token());
  }

  private TokenCache.Token fetchToken(OvhCredentials.ServiceAccount account, Clock clock) {
    String form = "grant_type=client_credentials&client_id=" + encode(account.clientId()) + "&client_secret="
        + encode(account.clientSecret().reveal()) + "&scope=all";
    HttpUriRequestBase request = new HttpUriRequestBase("POST", endpoint.tokenUrl());
    request.setHeader("Accept", "application/json");
    request.setEntity(new ByteArrayEntity(form.getBytes(StandardCharsets.UTF_8),
        ContentType.APPLICATION_FORM_URLENCODED));
    Response response;
    try {
      response = http.execute(request, answer -> new Response(answer.getCode(), answer.getHeaders(),
          answer.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(answer.getEntity())));
    } catch (IOException e) {
      throw new OvhTransportException("the OAuth2 token endpoint " + endpoint.tokenUrl() + " did not answer ("
          + e.getMessage() + "): check the token URL and the network", e);
    }
    log.accept("POST " + endpoint.tokenUrl().getRawPath() + " -> " + response.status);
    JsonNode body = response.json();
    if (response.status != 200 || body == null || !body.hasNonNull("access_token")) {
      String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + response.status;
      throw new OvhApiException(response.status, "POST", endpoint.tokenUrl().getRawPath(), error,
          body != null && body.hasNonNull("error_description") ? body.get("error_description").asText()
              : "the service account was refused: check OVH_CLIENT_ID and OVH_CLIENT_SECRET",
          Map.of(), response.header("X-Ovh-QueryID"));
    }
    long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong() : 3600;
    return new TokenCache.Token(Secret.of(body.get("access_token").asText()),
        clock.instant().plusSeconds(expiresIn));
  }

  /** An HTTP answer, read whole. */
  private static final class Response {
    final int status;
    final Header[] headers;
    final byte[] body;

    Response(int status, Header[] headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      for (Header header : headers) {
        if (header.getName().equalsIgnoreCase(name)) {
          return header.getValue();
        }
      }
      return null;
    }

    JsonNode json() {
      if (body.length == 0) {
        return null;
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("the OVHcloud API answered HTTP " + status + " with a body that is not JSON",
            e);
      }
    }
  }

  /** Options of an {@link OvhApi}. */
  public static final class Builder {
    private OvhEndpoint endpoint;
    private OvhCredentials credentials;
    private SSLContext sslContext;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private Clock clock = Clock.systemUTC();
    private Consumer<String> log = line -> { };

    public Builder endpoint(OvhEndpoint endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder credentials(OvhCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Trust for the API's TLS certificate; the system's trust store when not given. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    public Builder timeouts(Duration connect, Duration read) {
      this.connectTimeout = connect;
      this.readTimeout = read;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Receives one line per HTTP exchange (method, path, status, duration): never a header, body or secret. */
    public Builder log(Consumer<String> log) {
      this.log = log;
      return this;
    }

    public OvhApi build() {
      return new OvhApi(this);
    }
  }
}
