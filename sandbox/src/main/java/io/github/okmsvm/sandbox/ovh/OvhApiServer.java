package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.sandbox.Exchanges;
import io.github.okmsvm.sandbox.Fault;
import io.github.okmsvm.sandbox.Faults;
import io.github.okmsvm.sandbox.RequestCounters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.okmsvm.core.common.Json;
import io.github.okmsvm.core.ovh.RequestSigner;
import io.github.okmsvm.core.common.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The OVHcloud API of the sandbox, over HTTPS on loopback: checks signatures, timestamps and tokens as the real API
 * does, pages v2 lists by cursor, counts calls per route, injects faults, and journals its answers.
 */
public final class OvhApiServer implements AutoCloseable {
  /** Answers keep their null fields: the API writes every field its schema declares, null where it may be null. */
  private static final com.fasterxml.jackson.databind.ObjectMapper ANSWERS = Json.mapper().copy()
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);
  /** How far a signed timestamp may be from the API's clock. */
  static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(3);

  private final HttpsServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, Secret> applications = new ConcurrentHashMap<>();
  private final Set<String> consumerKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, Secret> serviceAccounts = new ConcurrentHashMap<>();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Set<String> deniedActions = ConcurrentHashMap.newKeySet();
  private final Faults faults = new Faults();
  private final RequestCounters counters = new RequestCounters();
  private final ResponseJournal journal = new ResponseJournal();
  private final AtomicLong queryIds = new AtomicLong(1_000_000);
  private volatile Duration clockSkew = Duration.ZERO;
  private volatile Duration tokenLifetime = Duration.ofSeconds(3600);
  private volatile Duration latency = Duration.ZERO;
  private volatile int pageSize = 25;

  static {
    Exchanges.noDelay();
  }

  OvhApiServer(SSLContext tls) throws IOException {
    this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    // a thread per connection while its request is read, as the JDK's server works: a client's connections opened
    // ahead and not used yet must not starve the others, as they would not starve a real server
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "sandbox-ovh-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  /** {@code https://127.0.0.1:<port>}: give it as the endpoint; the token URL is {@code /auth/oauth2/token}. */
  public URI baseUrl() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  public URI tokenUrl() {
    return URI.create(baseUrl() + "/auth/oauth2/token");
  }

  public Faults faults() {
    return faults;
  }

  public RequestCounters counters() {
    return counters;
  }

  public ResponseJournal journal() {
    return journal;
  }

  void addApplication(String applicationKey, Secret applicationSecret) {
    applications.put(applicationKey, applicationSecret);
  }

  void addConsumerKey(String consumerKey) {
    consumerKeys.add(consumerKey);
  }

  void addServiceAccount(String clientId, Secret clientSecret) {
    serviceAccounts.put(clientId, clientSecret);
  }

  /** The API's clock runs {@code skew} ahead of this machine's (negative: behind). */
  public void clockSkew(Duration skew) {
    this.clockSkew = skew;
  }

  public void tokenLifetime(Duration lifetime) {
    this.tokenLifetime = lifetime;
  }

  /** Forgets every issued token, as if they had been revoked: the next call with one gets 401. */
  public void revokeTokens() {
    tokens.clear();
  }

  public void latency(Duration perCall) {
    this.latency = perCall;
  }

  public void pageSize(int size) {
    this.pageSize = size;
  }

  /** Calls needing {@code action} get 403 with it named, as when an IAM policy is missing. */
  public void deny(String action) {
    deniedActions.add(action);
  }

  public void allowAll() {
    deniedActions.clear();
  }

  Instant now() {
    return Instant.now().plus(clockSkew);
  }

  void route(String method, String version, String pattern, String action, java.util.function.Function<Call, Reply> handler) {
    routes.add(new Route(method, version, pattern, action, false, handler));
  }

  void pagedRoute(String pattern, String action, java.util.function.Function<Call, Reply> handler) {
    routes.add(new Route("GET", "v2", pattern, action, true, handler));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    try (exchange) {
      byte[] body = Exchanges.readBody(exchange, latency);
      String rawPath = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (method.equals("POST") && rawPath.equals("/auth/oauth2/token")) {
        counters.record("POST /auth/oauth2/token", received);
        send(exchange, token(body, exchange.getRequestHeaders().getFirst("Authorization")), null);
        return;
      }
      String version;
      String path;
      if (rawPath.startsWith("/1.0/") || rawPath.startsWith("/v1/")) {
        version = "v1";
        path = rawPath.substring(rawPath.indexOf('/', 1));
      } else if (rawPath.startsWith("/v2/")) {
        version = "v2";
        path = rawPath.substring(3);
      } else {
        send(exchange, error(ApiError.notFound("Got an invalid (or empty) URL")), null);
        return;
      }
      Route route = null;
      Map<String, String> params = null;
      for (Route candidate : routes) {
        params = candidate.match(method, version, path);
        if (params != null) {
          route = candidate;
          break;
        }
      }
      if (route == null) {
        send(exchange, error(ApiError.notFound("The requested object (" + path + ") does not exist")), null);
        return;
      }
      counters.record(route.key(), received);
      Fault fault = faults.next(route.key());
      if (fault instanceof Fault.Reset) {
        return; // closing without an answer
      }
      if (fault instanceof Fault.Stall stall) {
        Exchanges.pause(stall.duration());
        return;
      }
      if (fault instanceof Fault.ServerError serverError) {
        send(exchange, error(new ApiError(serverError.status(), "Server::InternalServerError::Unknown",
            "Internal server error", null)), null);
        return;
      }
      if (fault instanceof Fault.TooManyRequests tooMany) {
        send(exchange, new Reply(429, Map.of("class", "Client::TooManyRequests", "message",
            "Too many requests"), Map.of("Retry-After", Integer.toString(tooMany.retryAfterSeconds()))), null);
        return;
      }
      Reply reply;
      try {
        authenticate(exchange, method, body, route);
        Call call = new Call(method, version, params, query(exchange.getRequestURI().getRawQuery()),
            headers(exchange), body);
        reply = route.handler.apply(call);
        if (route.paged) {
          reply = page(reply, call);
        }
      } catch (ApiError e) {
        reply = error(e);
      }
      if (fault instanceof Fault.LoseAnswer) {
        return; // applied, but the client never learns it
      }
      send(exchange, reply, reply.status() < 300 ? route : null);
    }
  }

  private void authenticate(HttpExchange exchange, String method, byte[] body, Route route) {
    if (route.action == null) {
      return; // noAuthentication routes, such as /auth/time
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")) {
      Instant expiry = tokens.get(authorization.substring(7).strip());
      if (expiry == null || now().isAfter(expiry)) {
        throw new ApiError(401, "Client::Unauthorized", "The access token is invalid or has expired", null);
      }
    } else {
      String applicationKey = exchange.getRequestHeaders().getFirst("X-Ovh-Application");
      if (applicationKey == null) {
        throw new ApiError(401, "Client::Unauthorized", "You must login first", null);
      }
      Secret applicationSecret = applications.get(applicationKey);
      if (applicationSecret == null) {
        throw ApiError.refusedCredentials("INVALID_KEY", "Invalid application key");
      }
      String consumerKey = exchange.getRequestHeaders().getFirst("X-Ovh-Consumer");
      if (consumerKey == null || !consumerKeys.contains(consumerKey)) {
        throw ApiError.refusedCredentials("INVALID_CREDENTIAL", "This credential does not exist");
      }
      long timestamp;
      try {
        timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Ovh-Timestamp"));
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("Invalid timestamp");
      }
      if (Math.abs(timestamp - now().getEpochSecond()) > TIMESTAMP_TOLERANCE.toSeconds()) {
        throw ApiError.badRequest("Query out of time");
      }
      String url = "https://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI().toString();
      String expected = RequestSigner.sign(applicationSecret, Secret.of(consumerKey), method, url, body, timestamp);
      if (!expected.equals(exchange.getRequestHeaders().getFirst("X-Ovh-Signature"))) {
        throw ApiError.badRequest("Invalid signature");
      }
    }
    if (deniedActions.contains(route.action)) {
      throw ApiError.notGranted(route.action);
    }
  }

  /**
   * The client-credentials grant, the client authenticated in the body or with HTTP Basic (RFC 6749 §2.3.1: id and
   * secret form-encoded, then Base64), as OAuth2 libraries such as requests-oauthlib send it.
   */
  private Reply token(byte[] body, String authorization) {
    Map<String, String> form = new HashMap<>(query(new String(body, StandardCharsets.UTF_8)));
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair;
      try {
        pair = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        pair = "";
      }
      int colon = pair.indexOf(':');
      if (colon > 0) {
        form.put("client_id", java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
        form.put("client_secret", java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
      }
    }
    Secret secret = serviceAccounts.get(form.getOrDefault("client_id", ""));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return new Reply(400, Map.of("error", "unsupported_grant_type"), Map.of());
    }
    if (secret == null || !secret.reveal().equals(form.get("client_secret"))) {
      return new Reply(401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"),
          Map.of());
    }
    String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, now().plus(tokenLifetime));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", token);
    answer.put("token_type", "Bearer");
    answer.put("expires_in", tokenLifetime.toSeconds());
    answer.put("scope", "all");
    return Reply.ok(answer);
  }

  private Reply page(Reply reply, Call call) {
    List<?> all = (List<?>) reply.body();
    int size = pageSize;
    String requestedSize = call.header("X-Pagination-Size");
    if (requestedSize != null) {
      try {
        size = Math.max(1, Integer.parseInt(requestedSize));
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("Invalid X-Pagination-Size");
      }
    }
    int offset = 0;
    String cursor = call.header("X-Pagination-Cursor");
    if (cursor != null && !cursor.isEmpty()) {
      try {
        offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("PaginationCursorInvalidValue", "Invalid pagination cursor");
      }
    }
    int end = Math.min(all.size(), offset + size);
    Map<String, String> headers = new HashMap<>();
    if (end < all.size()) {
      headers.put("X-Pagination-Cursor-Next",
          Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
    }
    return new Reply(200, all.subList(Math.min(offset, all.size()), end), headers);
  }

  private static Reply error(ApiError error) {
    return new Reply(error.status, error.body(), Map.of());
  }

  private void send(HttpExchange exchange, Reply reply, Route journaled) throws IOException {
    byte[] bytes;
    try {
      bytes = reply.body() == null ? new byte[0] : ANSWERS.writeValueAsBytes(reply.body());
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-Ovh-QueryID", "EU.sandbox-" + queryIds.incrementAndGet());
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    if (journaled != null) {
      journal.add(new ResponseJournal.Entry(journaled.method, journaled.version, journaled.pattern, reply.status(),
          bytes));
    }
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
        values.get(0)));
    return headers;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }
}
