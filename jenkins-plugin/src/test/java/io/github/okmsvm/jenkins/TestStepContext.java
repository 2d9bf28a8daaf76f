package io.github.okmsvm.jenkins;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context as Jenkins gives one: objects by type, and one outcome, success or failure. As in workflow-cps, an
 * outcome reported after the first one (a stopped step's work ending later) is ignored, and kept here for tests.
 */
final class TestStepContext extends StepContext {
  private static final long serialVersionUID = 1L;
  private final transient Map<Class<?>, Object> objects = new HashMap<>();
  final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
  final transient List<Object> lateOutcomes = new CopyOnWriteArrayList<>();

  <T> TestStepContext with(Class<T> type, T value) {
    objects.put(type, value);
    return this;
  }

  @Override
  public <T> T get(Class<T> key) {
    return key.cast(objects.get(key));
  }

  @Override
  public void onSuccess(Object result) {
    if (!outcome.complete(result)) {
      lateOutcomes.add(result);
    }
  }

  @Override
  public void onFailure(Throwable t) {
    if (!outcome.completeExceptionally(t)) {
      lateOutcomes.add(t);
    }
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
