package io.github.okmsvm.maven;

import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.Log;

/** Renders progress events as Maven log lines: one per event, waits at most every five seconds, never a secret. */
final class MavenProgressRenderer implements ProgressListener {
  private static final Duration WAIT_LINE_EVERY = Duration.ofSeconds(5);

  private final Log log;
  private final List<String> changes = new CopyOnWriteArrayList<>();
  private final Map<String, Long> lastWaitLine = new ConcurrentHashMap<>();

  MavenProgressRenderer(Log log) {
    this.log = log;
  }

  @Override
  public void on(ProgressEvent event) {
    if (event instanceof ProgressEvent.Started started) {
      log.info("[okms] " + started.index() + "/" + started.total() + " " + started.step() + " ...");
    } else if (event instanceof ProgressEvent.Changed changed) {
      changes.add(changed.change());
      log.info("[okms]   " + (changed.planned() ? "would " : "+ ") + changed.change());
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      long seconds = waiting.elapsed().toSeconds();
      Long last = lastWaitLine.get(waiting.what());
      if (seconds >= WAIT_LINE_EVERY.toSeconds() && (last == null || seconds - last >= WAIT_LINE_EVERY.toSeconds())) {
        lastWaitLine.put(waiting.what(), seconds);
        log.info("[okms]   waiting for " + waiting.what() + " (" + seconds + " s)");
      }
    } else if (event instanceof ProgressEvent.Warning warning) {
      log.warn("[okms]   " + warning.message());
    } else if (event instanceof ProgressEvent.Finished finished) {
      log.info("[okms] " + finished.index() + "/" + finished.total() + " " + finished.step() + ": "
          + finished.summary() + " (" + describe(finished.duration()) + ")");
    }
  }

  List<String> changes() {
    return List.copyOf(changes);
  }

  private static String describe(Duration duration) {
    return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }
}
