package org.jenkinsci.plugins.workflow.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * workflow-step-api's {@code SynchronousNonBlockingStepExecution}: {@code run()} off the pipeline thread, then
 * {@code onSuccess} or {@code onFailure}; {@code start()} returns false; {@code stop} interrupts that thread and fails
 * the step at once (whatever {@code run()} reports after that comes too late to count); a restart cannot resume it.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;
  private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "SynchronousNonBlockingStepExecution");
    thread.setDaemon(true);
    return thread;
  });
  private transient volatile Future<?> task;

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() {
    task = POOL.submit(() -> {
      try {
        getContext().onSuccess(run());
      } catch (Throwable t) {
        getContext().onFailure(t);
      }
    });
    return false;
  }

  /** As in workflow-step-api: interrupts {@code run()}, then ends the step with {@code cause}. */
  @Override
  public void stop(Throwable cause) throws Exception {
    Future<?> running = task;
    if (running != null) {
      running.cancel(true);
    }
    super.stop(cause);
  }

  /** As in workflow-step-api: the work ran on a thread that did not survive the restart. */
  @Override
  public void onResume() {
    getContext().onFailure(new Exception("Resume after a restart not supported"));
  }
}
