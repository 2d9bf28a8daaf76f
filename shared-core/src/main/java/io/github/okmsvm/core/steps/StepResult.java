package io.github.okmsvm.core.steps;

import java.util.List;
import java.util.Map;

/**
 * What a step did (or, in plan mode, would do): its changes, one sentence each, and its outputs, whose names are the
 * same as Maven properties ({@code okms.<name>}) and Jenkins step results.
 */
public record StepResult(String step, List<String> changes, Map<String, String> outputs, String summary) {
  public StepResult {
    changes = List.copyOf(changes);
    outputs = Map.copyOf(outputs);
  }

  public boolean changed() {
    return !changes.isEmpty();
  }
}
