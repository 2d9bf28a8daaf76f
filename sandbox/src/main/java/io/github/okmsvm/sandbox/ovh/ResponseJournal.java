package io.github.okmsvm.sandbox.ovh;

import java.util.ArrayList;
import java.util.List;

/** Every successful answer the sandbox gave, by route, so that tests can check them against the published schemas. */
public final class ResponseJournal {
  /** One answer: {@code version} is {@code v1} or {@code v2}, {@code path} the route pattern. */
  public record Entry(String method, String version, String path, int status, byte[] body) {}

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(Entry entry) {
    entries.add(entry);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }
}
