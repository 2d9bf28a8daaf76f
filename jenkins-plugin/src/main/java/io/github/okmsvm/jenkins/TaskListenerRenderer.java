package io.github.okmsvm.jenkins;

import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressLines;
import io.github.okmsvm.core.event.ProgressListener;
import java.io.PrintStream;

/** Progress events as build log lines, the same as the Maven goals print. Never a secret. */
final class TaskListenerRenderer implements ProgressListener {
  private final PrintStream log;
  private final ProgressLines lines = new ProgressLines();

  TaskListenerRenderer(PrintStream log) {
    this.log = log;
  }

  @Override
  public synchronized void on(ProgressEvent event) {
    String line = lines.line(event);
    if (line != null) {
      log.println(event instanceof ProgressEvent.Warning ? line.replace("[okms]   ", "[okms]   WARNING ") : line);
    }
  }
}
