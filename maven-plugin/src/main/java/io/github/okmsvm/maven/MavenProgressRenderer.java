package io.github.okmsvm.maven;

import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressLines;
import io.github.okmsvm.core.event.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.Log;

/** Progress events as Maven log lines (warnings at warning level), and the changes kept for the summary. */
final class MavenProgressRenderer implements ProgressListener {
  private final Log log;
  private final ProgressLines lines = new ProgressLines();
  private final List<String> changes = new CopyOnWriteArrayList<>();

  MavenProgressRenderer(Log log) {
    this.log = log;
  }

  @Override
  public void on(ProgressEvent event) {
    if (event instanceof ProgressEvent.Changed changed) {
      changes.add(changed.change());
    }
    String line = lines.line(event);
    if (line == null) {
      return;
    }
    if (event instanceof ProgressEvent.Warning) {
      log.warn(line);
    } else {
      log.info(line);
    }
  }

  List<String> changes() {
    return List.copyOf(changes);
  }
}
