package io.github.okmsvm.core.vsphere;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Waits for a vCenter task by polling its {@code info}. The pause between polls grows with the time already waited
 * (a tenth of it, between 50 ms and 1 s), so a task is noticed within max(1 s, 10 % of the wait) of its end.
 */
public final class TaskWaiter {
  private static final Duration MIN_PAUSE = Duration.ofMillis(50);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

  private final PropertyCollector collector;

  public TaskWaiter(VimClient client) {
    this.collector = new PropertyCollector(client);
  }

  /**
   * The task's {@code info.result} (null for none) once it succeeds; its fault, typed, if it fails; a clear timeout
   * message naming {@code what} after {@code timeout}. {@code waiting} hears the elapsed time at each poll.
   */
  public XmlElement await(MoRef task, String what, Duration timeout, Consumer<Duration> waiting) {
    Instant started = Instant.now();
    Instant deadline = started.plus(timeout);
    while (true) {
      Map<String, XmlElement> properties = collector.retrieveOne(task, List.of("info"));
      XmlElement info = properties.get("info");
      if (info == null) {
        throw new VimException("task " + task.value() + " (" + what + ") disappeared before it finished");
      }
      String state = info.childText("state");
      if ("success".equals(state)) {
        return info.child("result").orElse(null);
      }
      if ("error".equals(state)) {
        XmlElement error = info.child("error").orElse(null);
        String fault = error == null ? "RuntimeFault" : error.child("fault").map(XmlElement::xsiType)
            .orElse("RuntimeFault");
        String message = error == null ? "unknown error" : error.childText("localizedMessage");
        throw VimFault.of(fault, what, message == null || message.isBlank() ? fault : message);
      }
      Duration elapsed = Duration.between(started, Instant.now());
      if (Instant.now().isAfter(deadline)) {
        throw new VimException(what + " did not finish within " + timeout.toSeconds() + " s (task " + task.value()
            + " is " + state + "); it may still finish in vCenter: run again to converge, or raise the timeout");
      }
      waiting.accept(elapsed);
      sleep(pause(elapsed));
    }
  }

  /** A tenth of the time waited, kept between 50 ms and 1 s. */
  static Duration pause(Duration elapsed) {
    Duration tenth = elapsed.dividedBy(10);
    return tenth.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : tenth.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : tenth;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VimException("interrupted while waiting for a vCenter task", e);
    }
  }
}
