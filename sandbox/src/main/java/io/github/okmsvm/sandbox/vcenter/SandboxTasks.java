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
 * Tasks that take time as vCenter's do: {@code queued} for the first quarter of their duration, {@code running} until
 * the end, then the work is done once, whether anyone watches or not (it may fail with a fault), and the task is
 * {@code success} or {@code error} from then on. The TaskManager lists the tasks of the last ten minutes.
 */
final class SandboxTasks implements AutoCloseable {
  private static final Duration RECENT = Duration.ofMinutes(10);
  /** Who starts every task: the sandbox's one user. */
  private final String initiator;
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
    final String entityName;
    final Instant created = Instant.now();
    final Duration duration;
    private final Supplier<XmlElement> work;
    private XmlElement result;
    private SoapFault error;
    private boolean finished;

    Task(String id, String name, String entity, String entityName, Duration duration, Supplier<XmlElement> work) {
      this.id = id;
      this.name = name;
      this.entity = entity;
      this.entityName = entityName;
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
      Instant started = created.plus(duration.dividedBy(4));
      boolean queued = !finished && Instant.now().isBefore(started);
      String state = queued ? "queued" : !finished ? "running" : error == null ? "success" : "error";
      return XmlElement.of("val", XmlElement.text("key", id), XmlElement.moRef("task",
              new MoRef("Task", id)), XmlElement.text("name", name),
          XmlElement.text("descriptionId", name), entity == null ? null : XmlElement.moRef("entity",
              new MoRef("VirtualMachine", entity)), XmlElement.text("entityName", entityName),
          XmlElement.of("reason", XmlElement.text("userName", initiator)).typed("TaskReasonUser"),
          XmlElement.text("state", state), XmlElement.text("cancelled", false), XmlElement.text("cancelable", false),
          error == null ? null : XmlElement.of("error", XmlElement.of("fault").typed(error.type),
              XmlElement.text("localizedMessage", error.getMessage())),
          finished && error == null && result != null ? result.renamed("result") : null,
          XmlElement.text("queueTime", created.toString()),
          queued ? null : XmlElement.text("startTime", started.toString()),
          finished ? XmlElement.text("completeTime", created.plus(duration).toString()) : null)
          .typed("TaskInfo");
    }
  }

  SandboxTasks(String initiator) {
    this.initiator = initiator;
  }

  /** Starts a task about a VM ({@code entity}, {@code entityName}), or about nothing (both null). */
  String start(String name, String entity, String entityName, Duration duration, Supplier<XmlElement> work) {
    String id = "task-" + ids.getAndIncrement();
    Task task = new Task(id, name, entity, entityName, duration, work);
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

  /** The TaskManager, or a task, as a managed object; null when {@code ref} is neither. */
  VimObject object(MoRef ref) {
    if (ref.type().equals("TaskManager") && ref.value().equals("TaskManager")) {
      return VimObject.of(ref, name -> switch (name) {
        case "recentTask" -> VimObject.refs(tasks.values().stream()
            .filter(task -> task.created.isAfter(Instant.now().minus(RECENT)))
            .sorted(java.util.Comparator.comparing((Task task) -> task.created))
            .map(task -> new MoRef("Task", task.id)).toList());
        case "maxCollector" -> VimObject.integer("val", 1000);
        default -> null;
      });
    }
    Task task = ref.type().equals("Task") ? tasks.get(ref.value()) : null;
    return task == null ? null : VimObject.of(ref, name -> name.equals("info") ? task.info() : null);
  }

  Task get(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      throw SoapFault.notFound(new MoRef("Task", id));
    }
    return task;
  }
}
