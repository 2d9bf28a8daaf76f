package io.github.okmsvm.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many calls each route or method received (such as {@code "POST /v2/okms/resource/{okmsId}/credential"} or {@code "ReconfigVM_Task"}), answered or not. */
public final class RequestCounters {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public void increment(String route) {
    counts.computeIfAbsent(route, key -> new AtomicLong()).incrementAndGet();
  }

  public long count(String route) {
    AtomicLong count = counts.get(route);
    return count == null ? 0 : count.get();
  }

  /** Calls whose method is not GET: what a converged run must not make. */
  public long writes() {
    return counts.entrySet().stream().filter(entry -> !entry.getKey().startsWith("GET "))
        .mapToLong(entry -> entry.getValue().get()).sum();
  }

  public long total() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((route, count) -> copy.put(route, count.get()));
    return copy;
  }

  public void reset() {
    counts.clear();
  }
}
