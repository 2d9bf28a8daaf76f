package io.github.okmsvm.jenkins;

import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Progress events as build log lines, one each: the same lines as the Maven goals print. Never a secret. */
final class TaskListenerRenderer implements ProgressListener {
  private final PrintStream log;
  private final Map<String, Long> lastWaitLine = new ConcurrentHashMap<>();

  TaskListenerRenderer(PrintStream log) {
    this.log = log;
  }

  @Override
  public synchronized void on(ProgressEvent event) {
    if (event instanceof ProgressEvent.Started started) {
      log.println("[okms] " + started.index() + "/" + started.total() + " " + started.step() + " ...");
    } else if (event instanceof ProgressEvent.Changed changed) {
      log.println("[okms]   " + (changed.planned() ? "would " : "+ ") + changed.change());
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      long seconds = waiting.elapsed().toSeconds();
      Long last = lastWaitLine.get(waiting.what());
      if (seconds >= 5 && (last == null || seconds - last >= 5)) {
        lastWaitLine.put(waiting.what(), seconds);
        log.println("[okms]   waiting for " + waiting.what() + " (" + seconds + " s)");
      }
    } else if (event instanceof ProgressEvent.Warning warning) {
      log.println("[okms]   WARNING " + warning.message());
    } else if (event instanceof ProgressEvent.Finished finished) {
      log.println("[okms] " + finished.index() + "/" + finished.total() + " " + finished.step() + ": "
          + finished.summary() + " (" + describe(finished.duration()) + ")");
    }
  }

  private static String describe(Duration duration) {
    return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }
}
