package io.github.okmsvm.jenkins;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A build log kept in memory. Sent to an agent, it arrives as a reference back to this log, as remoting exports a
 * build's log stream: what the agent prints lands here.
 */
final class TestListener implements TaskListener {
  private static final long serialVersionUID = 1L;
  private static final Map<Integer, TestListener> EXPORTED = new ConcurrentHashMap<>();
  private static final AtomicInteger IDS = new AtomicInteger();
  private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final transient PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final transient int id = IDS.incrementAndGet();

  @Override
  public PrintStream getLogger() {
    return stream;
  }

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Object writeReplace() {
    EXPORTED.put(id, this);
    return new Exported(id);
  }

  /** The log as it crosses a channel. */
  private record Exported(int id) implements Serializable {
    private Object readResolve() {
      return EXPORTED.get(id);
    }
  }
}
