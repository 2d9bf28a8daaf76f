package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** workflow-step-api's {@code StepExecution}. */
public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;
  private final StepContext context;

  protected StepExecution(StepContext context) {
    this.context = context;
  }

  public StepContext getContext() {
    return context;
  }

  public abstract boolean start() throws Exception;

  public void stop(Throwable cause) throws Exception {
    getContext().onFailure(cause);
  }

  /** Called after a controller restart, for an execution that was running. */
  public void onResume() {}
}
