package io.github.okmsvm.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven {@link Log} that keeps every line, with its level, for assertions. */
final class RecordingLog implements Log {
  final List<String> lines = new ArrayList<>();

  private void record(String level, CharSequence content, Throwable error) {
    lines.add(level + " " + (content == null ? "" : content) + (error == null ? "" : " " + error));
  }

  String text() {
    return String.join("\n", lines);
  }

  @Override public boolean isDebugEnabled() { return true; }
  @Override public void debug(CharSequence content) { record("DEBUG", content, null); }
  @Override public void debug(CharSequence content, Throwable error) { record("DEBUG", content, error); }
  @Override public void debug(Throwable error) { record("DEBUG", null, error); }
  @Override public boolean isInfoEnabled() { return true; }
  @Override public void info(CharSequence content) { record("INFO", content, null); }
  @Override public void info(CharSequence content, Throwable error) { record("INFO", content, error); }
  @Override public void info(Throwable error) { record("INFO", null, error); }
  @Override public boolean isWarnEnabled() { return true; }
  @Override public void warn(CharSequence content) { record("WARN", content, null); }
  @Override public void warn(CharSequence content, Throwable error) { record("WARN", content, error); }
  @Override public void warn(Throwable error) { record("WARN", null, error); }
  @Override public boolean isErrorEnabled() { return true; }
  @Override public void error(CharSequence content) { record("ERROR", content, null); }
  @Override public void error(CharSequence content, Throwable error) { record("ERROR", content, error); }
  @Override public void error(Throwable error) { record("ERROR", null, error); }
}
