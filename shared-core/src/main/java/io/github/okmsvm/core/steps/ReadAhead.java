package io.github.okmsvm.core.steps;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A read started now, on a thread of its own, whose answer a step takes later: so that reads a step needs and that
 * do not depend on each other overlap. Only for reads: a read ahead never changes anything.
 */
final class ReadAhead<T> {
  private final FutureTask<T> task;

  private ReadAhead(Supplier<T> read) {
    this.task = new FutureTask<>(read::get);
  }

  static <T> ReadAhead<T> start(String name, Supplier<T> read) {
    ReadAhead<T> ahead = new ReadAhead<>(read);
    Thread thread = new Thread(ahead.task, "okms-read-" + name);
    thread.setDaemon(true);
    thread.start();
    return ahead;
  }

  /** The answer, once there; what the read threw, as it threw it. */
  T get() {
    return outcome(task);
  }

  /** What {@code work} returned once done, or what it threw, as it threw it. */
  static <T> T outcome(Future<T> work) {
    try {
      return work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepException("interrupted: run again to converge");
    }
  }
}
