package io.github.okmsvm.core.event;

import java.time.Duration;

/** What a step tells its front end while it runs. None carries a secret. */
public sealed interface ProgressEvent {
  /** The step's function name, such as {@code vcenterTrustOkms}. */
  String step();

  /** A step began: it is {@code index} of {@code total} in the flow (1 of 1 alone). */
  record Started(String step, int index, int total) implements ProgressEvent {}

  /** A change the step made, or in plan mode would make. */
  record Changed(String step, String change, boolean planned) implements ProgressEvent {}

  /** The step is waiting for {@code what}; {@code elapsed} so far. */
  record Waiting(String step, String what, Duration elapsed) implements ProgressEvent {}

  /** A fact worth a line, such as where a connection's settings came from. */
  record Info(String step, String message) implements ProgressEvent {}

  /** Something the user should know that does not stop the step. */
  record Warning(String step, String message) implements ProgressEvent {}

  /** A step ended: what it did in one sentence, whether it changed anything, how long it took. */
  record Finished(String step, int index, int total, String summary, boolean changed, Duration duration)
      implements ProgressEvent {}
}
