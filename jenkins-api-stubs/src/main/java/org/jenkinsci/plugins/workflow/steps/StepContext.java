package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

/** workflow-step-api's {@code StepContext}; {@code onFailure} comes from Guava's {@code FutureCallback}. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
  private static final long serialVersionUID = 1L;

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

  @Override
  public abstract void onSuccess(Object result);

  public abstract boolean isReady();
}
