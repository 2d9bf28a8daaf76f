package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Tasks that run for a set duration: {@code running} until then, then the work is done once, whether anyone watches
 * or not (it may fail with a fault), and the task is {@code success} or {@code error} from then on.
 */
final class SandboxTasks implements AutoCloseable {
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);
  private final ScheduledExecutorService runner = Executors.newScheduledThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "sandbox-vcenter-task");
    thread.setDaemon(true);
    return thread;
  });

  /** What a task does when its time is up: its result, or a {@link SoapFault}. */
  final class Task {
    final String id;
    final String name;
    final String entity;
    final Instant created = Instant.now();
    final Duration duration;
    private final Supplier<XmlElement> work;
    private XmlElement result;
    private SoapFault error;
    private boolean finished;

    Task(String id, String name, String entity, Duration duration, Supplier<XmlElement> work) {
      this.id = id;
      this.name = name;
      this.entity = entity;
      this.duration = duration;
      this.work = work;
    }

    synchronized void finish() {
      if (finished) {
        return;
      }
      try {
        result = work.get();
      } catch (SoapFault fault) {
        error = fault;
      } catch (RuntimeException e) {
        error = new SoapFault("SystemError", "A general system error occurred: " + e.getMessage());
      }
      finished = true;
    }

    synchronized XmlElement info() {
      String state = !finished ? "running" : error == null ? "success" : "error";
      return XmlElement.of("val", XmlElement.text("key", id), XmlElement.moRef("task",
              new io.github.okmsvm.core.vsphere.MoRef("Task", id)), XmlElement.text("name", name),
          XmlElement.text("descriptionId", name), entity == null ? null : XmlElement.moRef("entity",
              new io.github.okmsvm.core.vsphere.MoRef("VirtualMachine", entity)),
          XmlElement.text("state", state), XmlElement.text("cancelled", false), XmlElement.text("cancelable", false),
          error == null ? null : XmlElement.of("error", XmlElement.of("fault").typed(error.type),
              XmlElement.text("localizedMessage", error.getMessage())),
          finished && error == null && result != null ? result.renamed("result") : null,
          XmlElement.text("queueTime", created.toString()), XmlElement.text("startTime", created.toString()),
          finished ? XmlElement.text("completeTime", created.plus(duration).toString()) : null)
          .typed("TaskInfo");
    }
  }

  String start(String name, String entity, Duration duration, Supplier<XmlElement> work) {
    String id = "task-" + ids.getAndIncrement();
    Task task = new Task(id, name, entity, duration, work);
    tasks.put(id, task);
    runner.schedule(task::finish, duration.toMillis(), TimeUnit.MILLISECONDS);
    return id;
  }

  /** Whether a task is still running. */
  boolean busy() {
    return tasks.values().stream().anyMatch(task -> {
      synchronized (task) {
        return !task.finished;
      }
    });
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }

  Task get(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      throw SoapFault.notFound(new MoRef("Task", id));
    }
    return task;
  }
}
