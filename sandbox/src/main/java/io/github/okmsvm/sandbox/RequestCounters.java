package io.github.okmsvm.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many calls each route or method received (such as {@code "POST /v2/okms/resource/{okmsId}/credential"} or
 * {@code "ReconfigVM_Task"}), answered or not, and when each was received: what a benchmark needs to
 * see which calls overlapped.
 */
public final class RequestCounters {
  /** Enough for any run of the flow; a long-lived sandbox keeps only its latest calls. */
  private static final int TIMELINE_LIMIT = 100_000;

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final List<Call> timeline = new ArrayList<>();

  /** One call: its route or method, and when it was received ({@link System#nanoTime()}). */
  public record Call(String route, long receivedNanos) {}

  /** Counts {@code route} and notes when it was received. */
  public void record(String route, long receivedNanos) {
    counts.computeIfAbsent(route, key -> new AtomicLong()).incrementAndGet();
    synchronized (timeline) {
      if (timeline.size() == TIMELINE_LIMIT) {
        timeline.remove(0);
      }
      timeline.add(new Call(route, receivedNanos));
    }
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

  /** The calls noted since the last reset, in the order they were counted. */
  public List<Call> timeline() {
    synchronized (timeline) {
      return List.copyOf(timeline);
    }
  }

  public void reset() {
    counts.clear();
    synchronized (timeline) {
      timeline.clear();
    }
  }
}
