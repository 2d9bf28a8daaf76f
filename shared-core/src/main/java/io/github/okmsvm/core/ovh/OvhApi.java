package io.github.okmsvm.core.ovh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.http.BackOff;
import io.github.okmsvm.core.http.HttpProxy;
import io.github.okmsvm.core.http.HttpTransport;
import io.github.okmsvm.core.http.RetryPolicy;
import io.github.okmsvm.core.http.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * A client of the OVHcloud API, v1 and v2: authenticates every call with one credential scheme, signs the exact
 * bytes it sends, follows v2 cursor pagination, retries reads (never writes) on connect errors, 5xx and 429, and turns
 * error answers into {@link OvhApiException}. Thread-safe; close it to release its connections.
 */
public final class OvhApi implements AutoCloseable {
  private static final ObjectMapper JSON = Json.mapper();
  private static final int MAX_CONNECTIONS = 20;
  /**
   * Connections opened while the first call is answered: the flow's steps then read the OKMS, the PCC and IAM several
   * at once, and each would otherwise wait for its own TCP and TLS handshake.
   */
  private static final int CONNECTIONS_AHEAD = 4;

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
    this.http = HttpTransport.builder().sslContext(builder.sslContext).proxy(builder.proxy)
        .timeouts(builder.connectTimeout, builder.readTimeout).maxConnections(MAX_CONNECTIONS)
        .connectionsAhead(CONNECTIONS_AHEAD).build();
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
      OvhResponse response = execute("GET", OvhEndpoint.Version.V2, path + queryString(query), null, headers);
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
    return OAuth2Tokens.encode(value);
  }

  private JsonNode call(String method, OvhEndpoint.Version version, String pathAndQuery, Object body,
      boolean authenticated) {
    byte[] bytes = body == null ? null : serialize(body);
    return (authenticated ? execute(method, version, pathAndQuery, bytes, Map.of())
        : executeUnauthenticated(version, pathAndQuery)).json();
  }

  private OvhResponse execute(String method, OvhEndpoint.Version version, String pathAndQuery, byte[] body,
      Map<String, String> headers) {
    URI url = endpoint.url(version, pathAndQuery);
    boolean read = method.equals("GET");
    boolean retried401 = false;
    BackOff backOff = retryPolicy.start(sleeper);
    while (true) {
      OvhResponse response;
      try {
        response = send(method, url, body, headers, true);
      } catch (IOException e) {
        String what = "OVHcloud API " + method + " " + version.prefix() + pathAndQuery;
        if (!read) {
          throw OvhTransportException.noAnswer(what, e, "it may or may not have been applied; run again to"
              + " converge");
        }
        if (backOff.retry(null)) {
          continue;
        }
        throw OvhTransportException.noAnswer(what + " (" + backOff.attempts() + " attempts)", e,
            "check the network and the endpoint " + endpoint.apiBase());
      }
      if (response.status() == 401 && !retried401 && authenticator.invalidate()) {
        retried401 = true; // a token refused before its time: fetch a new one, once
        continue;
      }
      if (response.status() < 400) {
        return response;
      }
      if (read && RetryPolicy.isRetryableStatus(response.status())
          && backOff.retry(RetryPolicy.retryAfter(response.header("Retry-After")))) {
        continue;
      }
      throw OvhErrors.of(method, version.prefix() + pathAndQuery, response);
    }
  }

  private OvhResponse executeUnauthenticated(OvhEndpoint.Version version, String pathAndQuery) {
    URI url = endpoint.url(version, pathAndQuery);
    BackOff backOff = retryPolicy.start(sleeper);
    while (true) {
      try {
        OvhResponse response = send("GET", url, null, Map.of(), false);
        if (response.status() < 400) {
          return response;
        }
        if (!RetryPolicy.isRetryableStatus(response.status())
            || !backOff.retry(RetryPolicy.retryAfter(response.header("Retry-After")))) {
          throw OvhErrors.of("GET", version.prefix() + pathAndQuery, response);
        }
      } catch (IOException e) {
        if (!backOff.retry(null)) {
          throw OvhTransportException.noAnswer("OVHcloud API GET " + version.prefix() + pathAndQuery, e,
              "check the network and the endpoint " + endpoint.apiBase());
        }
      }
    }
  }

  private OvhResponse send(String method, URI url, byte[] body, Map<String, String> headers, boolean authenticated)
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
    OvhResponse response = OvhResponse.execute(http, request);
    log.accept(method + " " + url.getRawPath() + " -> " + response.status() + " ("
        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
    return response;
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
      throw new OvhTransportException("the OVHcloud API answered JSON that does not fit " + type + ": "
          + e.getMessage(), e);
    }
  }

  private Authenticator authenticatorFor(OvhCredentials credentials, Clock clock) {
    if (credentials instanceof OvhCredentials.ApplicationKey applicationKey) {
      return new ApplicationKeyAuthenticator(applicationKey, clock, this::serverTime);
    }
    if (credentials instanceof OvhCredentials.ServiceAccount account) {
      OAuth2Tokens tokens = new OAuth2Tokens(http, endpoint, clock, log);
      return BearerAuthenticator.cached(new TokenCache(() -> tokens.fetch(account), clock));
    }
    return BearerAuthenticator.fixed(((OvhCredentials.AccessToken) credentials).token());
  }

  /** Options of an {@link OvhApi}. */
  public static final class Builder {
    private OvhEndpoint endpoint;
    private OvhCredentials credentials;
    private SSLContext sslContext;
    private HttpProxy proxy;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.THREAD;
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

    /** The proxy to reach the API through; the JVM's proxy settings when not given. */
    public Builder proxy(HttpProxy proxy) {
      this.proxy = proxy;
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
