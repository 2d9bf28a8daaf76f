package io.github.okmsvm.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection by route ({@code "GET /v2/okms/resource"}) or SOAP method ({@code "ReconfigVM_Task"}): faults queued for the next calls of a route, and a
 * seeded storm that strikes a share of calls at random, deterministically for a given seed and call order.
 */
public final class Faults {
  private final Map<String, Deque<Fault>> queued = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> passing = new ConcurrentHashMap<>();
  private volatile Storm storm;
  private final AtomicLong stormStrikes = new AtomicLong();

  /** The next {@code times} calls of {@code route} fail with {@code fault}. */
  public Faults inject(String route, Fault fault, int times) {
    Deque<Fault> queue = queued.computeIfAbsent(route, key -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(fault);
      }
    }
    return this;
  }

  /** As {@link #inject}, after the next {@code passing} calls of {@code route} are answered as usual. */
  public Faults injectAfter(String route, int passing, Fault fault, int times) {
    if (passing > 0) {
      this.passing.computeIfAbsent(route, key -> new AtomicInteger()).addAndGet(passing);
    }
    return inject(route, fault, times);
  }

  /**
   * A share {@code probability} of the calls of {@code method} fail with one of {@code kinds}: a SOAP method such as
   * {@code RetrievePropertiesEx}, or an HTTP method such as {@code GET} for every route it starts.
   */
  public Faults storm(long seed, double probability, String method, List<Fault> kinds) {
    this.storm = new Storm(new Random(seed), probability, method, List.copyOf(kinds));
    return this;
  }

  /** How many calls the storm has struck so far: a storm test shows it fired. */
  public long stormStrikes() {
    return stormStrikes.get();
  }

  /** How many injected faults of {@code route} have not struck yet: a test shows its faults fired. */
  public int pending(String route) {
    Deque<Fault> queue = queued.get(route);
    if (queue == null) {
      return 0;
    }
    synchronized (queue) {
      return queue.size();
    }
  }

  public void clear() {
    queued.clear();
    passing.clear();
    storm = null;
  }

  public Fault next(String route) {
    AtomicInteger pass = passing.get(route);
    if (pass != null && pass.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      return null;
    }
    Deque<Fault> queue = queued.get(route);
    if (queue != null) {
      synchronized (queue) {
        Fault fault = queue.poll();
        if (fault != null) {
          return fault;
        }
      }
    }
    Storm current = storm;
    Fault fault = current == null ? null : current.strike(route);
    if (fault != null) {
      stormStrikes.incrementAndGet();
    }
    return fault;
  }

  private record Storm(Random random, double probability, String method, List<Fault> kinds) {
    synchronized Fault strike(String route) {
      if (!route.equals(method) && !route.startsWith(method + " ")) {
        return null;
      }
      return random.nextDouble() < probability ? kinds.get(random.nextInt(kinds.size())) : null;
    }
  }
}
