package io.github.okmsvm.core.event;

/** Receives progress events; front ends render them (Maven log, Jenkins console). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = event -> { };

  void on(ProgressEvent event);
}
