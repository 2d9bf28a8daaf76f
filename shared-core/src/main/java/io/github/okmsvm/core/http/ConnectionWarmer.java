package io.github.okmsvm.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Opens connections ahead of need: once the first request to a server holds its connection, {@code ahead} more are
 * opened beside it, each on its own thread, and put in the pool. A client that next sends several requests at once
 * then finds them ready, instead of paying a TCP and TLS handshake (two round trips) for each at that moment: the
 * handshakes overlap the first requests' round trips. Only direct routes are warmed; a proxy's tunnel is opened by a
 * request. A connection that cannot be opened is simply not there: the request that needs it opens its own and
 * reports the failure.
 */
final class ConnectionWarmer implements ExecChainHandler {
  /** How long a warmed connection may wait in the pool: what the client allows a server that names no keep-alive. */
  private static final TimeValue KEEP_ALIVE = TimeValue.ofMinutes(3);

  private final PoolingHttpClientConnectionManager pool;
  private final int ahead;
  private final Timeout connectTimeout;
  private final Set<HttpRoute> warmed = ConcurrentHashMap.newKeySet();

  ConnectionWarmer(PoolingHttpClientConnectionManager pool, int ahead, Timeout connectTimeout) {
    this.pool = pool;
    this.ahead = ahead;
    this.connectTimeout = connectTimeout;
  }

  /**
   * Runs once the request holds its connection (after the client's connect step), so it never takes that one; the
   * others are opened once the request is written, while its answer is awaited, not while it is sent.
   */
  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    HttpRoute route = scope.route;
    if (route.getProxyHost() == null && warmed.add(route)) {
      HttpEntity entity = request.getEntity();
      if (entity == null) {
        openAhead(route);
      } else {
        AtomicBoolean written = new AtomicBoolean();
        request.setEntity(new HttpEntityWrapper(entity) {
          @Override
          public void writeTo(OutputStream out) throws IOException {
            super.writeTo(out);
            out.flush();
            if (written.compareAndSet(false, true)) { // a request sent again does not open more
              openAhead(route);
            }
          }
        });
      }
    }
    return chain.proceed(request, scope);
  }

  /**
   * Leases them all first, then connects each on its own thread and gives it back once open: leased one after
   * another, a connection given back would be leased again instead of a new one opened.
   */
  private void openAhead(HttpRoute route) {
    daemon(() -> {
      List<ConnectionEndpoint> endpoints = new ArrayList<>();
      try {
        for (int i = 0; i < ahead; i++) {
          endpoints.add(pool.lease("warm-" + i, route, connectTimeout, null).get(connectTimeout));
        }
      } catch (Exception e) {
        // the pool is full or closed: open what was leased; the requests open what they need
      }
      for (ConnectionEndpoint endpoint : endpoints) {
        if (endpoint.isConnected()) {
          pool.release(endpoint, null, KEEP_ALIVE); // an idle connection already there goes straight back
        } else {
          daemon(() -> open(endpoint), route).start();
        }
      }
    }, route).start();
  }

  private void open(ConnectionEndpoint endpoint) {
    boolean opened = false;
    try {
      pool.connect(endpoint, connectTimeout, HttpClientContext.create());
      opened = true;
    } catch (IOException | RuntimeException e) {
      // not reachable now: the request that needs a connection will say why
    } finally {
      pool.release(endpoint, null, opened ? KEEP_ALIVE : null);
    }
  }

  private static Thread daemon(Runnable task, HttpRoute route) {
    Thread thread = new Thread(task, "http-warm-" + route.getTargetHost().getHostName());
    thread.setDaemon(true);
    return thread;
  }
}
