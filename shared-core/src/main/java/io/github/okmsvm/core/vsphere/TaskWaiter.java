package io.github.okmsvm.core.vsphere;

import io.github.okmsvm.core.wait.Poller;
import io.github.okmsvm.core.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Waits for a vCenter task by polling its {@code info} at the {@link Poller}'s pace. */
public final class TaskWaiter {
  private final PropertyCollector collector;
  private final Poller poller = Poller.standard();

  public TaskWaiter(VimClient client) {
    this.collector = new PropertyCollector(client);
  }

  /**
   * The task's {@code info.result} (empty for none) once it succeeds; its fault, typed, if it fails; a clear timeout
   * message naming {@code what} after {@code timeout}. {@code waiting} hears the elapsed time at each poll.
   */
  public XmlElement await(MoRef task, String what, Duration timeout, Consumer<Duration> waiting) {
    try {
      return poller.until(what, timeout, () -> finished(task, what), waiting).orElse(null);
    } catch (WaitTimeoutException e) {
      throw new VimException(what + " did not finish within " + timeout.toSeconds() + " s (task " + task.value()
          + "); it may still finish in vCenter: run again to converge, or raise the timeout");
    }
  }

  private Optional<Optional<XmlElement>> finished(MoRef task, String what) {
    Map<String, XmlElement> properties = collector.retrieveOne(task, List.of("info"));
    XmlElement info = properties.get("info");
    if (info == null) {
      throw new VimException("task " + task.value() + " (" + what + ") disappeared before it finished");
    }
    String state = info.childText("state");
    if ("success".equals(state)) {
      return Optional.of(info.child("result"));
    }
    if ("error".equals(state)) {
      XmlElement error = info.child("error").orElse(null);
      String fault = error == null ? "RuntimeFault" : error.child("fault").map(XmlElement::xsiType)
          .orElse("RuntimeFault");
      String message = error == null ? "unknown error" : error.childText("localizedMessage");
      throw VimFault.of(fault, what, message == null || message.isBlank() ? fault : message);
    }
    return Optional.empty();
  }
}
