package io.github.okmsvm.core.event;

import io.github.okmsvm.core.wait.Poller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one text form of progress events, shared by the Maven log and the Jenkins build log: one line per event,
 * {@code [okms] 3/6 vcenterTrustOkms: provider okms-eu-west-rbx green, trusted both ways (41 s)}; a wait is
 * reported every five seconds at most.
 */
public final class ProgressLines {
  private static final long WAIT_LINE_EVERY_SECONDS = 5;

  private final Map<String, Long> lastWaitLine = new ConcurrentHashMap<>();

  /** The line for {@code event}, or null when a wait was reported too recently. */
  public String line(ProgressEvent event) {
    if (event instanceof ProgressEvent.Started started) {
      return "[okms] " + started.index() + "/" + started.total() + " " + started.step() + " ...";
    }
    if (event instanceof ProgressEvent.Changed changed) {
      return "[okms]   " + (changed.planned() ? "would " : "+ ") + changed.change();
    }
    if (event instanceof ProgressEvent.Waiting waiting) {
      long seconds = waiting.elapsed().toSeconds();
      Long last = lastWaitLine.get(waiting.what());
      if (seconds < WAIT_LINE_EVERY_SECONDS || (last != null && seconds - last < WAIT_LINE_EVERY_SECONDS)) {
        return null;
      }
      lastWaitLine.put(waiting.what(), seconds);
      return "[okms]   waiting for " + waiting.what() + " (" + seconds + " s)";
    }
    if (event instanceof ProgressEvent.Info info) {
      return "[okms]   " + info.message();
    }
    if (event instanceof ProgressEvent.Warning warning) {
      return "[okms]   " + warning.message();
    }
    ProgressEvent.Finished finished = (ProgressEvent.Finished) event;
    return "[okms] " + finished.index() + "/" + finished.total() + " " + finished.step() + ": " + finished.summary()
        + " (" + Poller.describe(finished.duration()) + ")";
  }
}
