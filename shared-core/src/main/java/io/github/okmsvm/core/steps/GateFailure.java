package io.github.okmsvm.core.steps;

import java.util.Map;

/**
 * The compliance gate ran and found more non-compliant VMs than allowed: the reports are written and the counts are
 * known (a front end may report the run as unstable rather than failed); the message names every failing VM.
 */
public final class GateFailure extends StepException {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> outputs;

  public GateFailure(String message, Map<String, String> outputs) {
    super(message);
    this.outputs = Map.copyOf(outputs);
  }

  /** The gate's outputs, as a passing gate returns them. */
  public Map<String, String> outputs() {
    return outputs;
  }
}
