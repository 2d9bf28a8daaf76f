package org.jenkinsci.plugins.workflow.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * workflow-step-api's {@code SynchronousNonBlockingStepExecution}: {@code run()} off the pipeline thread, then
 * {@code onSuccess} or {@code onFailure}; {@code start()} returns false.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;
  private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "SynchronousNonBlockingStepExecution");
    thread.setDaemon(true);
    return thread;
  });

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  /** As in workflow-step-api: the work ran on a thread that did not survive the restart. */
  @Override
  public void onResume() {
    getContext().onFailure(new Exception("Resume after a restart not supported"));
  }

  @Override
  public final boolean start() {
    POOL.submit(() -> {
      try {
        getContext().onSuccess(run());
      } catch (Throwable t) {
        getContext().onFailure(t);
      }
    });
    return false;
  }
}
