package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * vCenter's EventManager: the events of this vCenter (a task started, a VM powered on or off, reconfigured), its
 * event descriptions, and the history collectors a session creates to page through them (latest page first).
 */
final class EventLog {
  static final MoRef MANAGER = new MoRef("EventManager", "EventManager");
  private static final int DEFAULT_PAGE = 10;
  private static final int MAX_PAGE = 1000;
  /** The event types this vCenter logs, all described in {@code description.eventInfo} whether logged yet or not. */
  private static final List<String> TYPES = List.of("TaskEvent", "VmPoweredOnEvent", "VmPoweredOffEvent",
      "VmReconfiguredEvent", "VmGuestShutdownEvent");

  private final List<Event> events = new ArrayList<>();
  private final Map<String, Integer> collectors = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);

  /** One event: its vim25 type, when, who, the VM it is about, and its formatted message. */
  private record Event(long key, String type, Instant created, String user, MoRef vm, String vmName,
      String message, XmlElement detail) {}

  /** Records an event of vim25 type {@code type} about a VM; {@code detail} is the type's own field, if any. */
  synchronized void add(String type, String user, MoRef vm, String vmName, String message, XmlElement detail) {
    events.add(new Event(events.size() + 1L, type, Instant.now(), user, vm, vmName, message, detail));
  }

  MoRef createCollector(String session) {
    String id = "session[" + session.substring(0, 8) + "]events-" + ids.getAndIncrement();
    collectors.put(id, DEFAULT_PAGE);
    return new MoRef("EventHistoryCollector", id);
  }

  void setPageSize(String collector, String size) {
    requireCollector(collector);
    int pageSize;
    try {
      pageSize = Integer.parseInt(size);
    } catch (NumberFormatException e) {
      throw SoapFault.invalidArgument("maxCount");
    }
    if (pageSize < 0 || pageSize > MAX_PAGE) {
      throw SoapFault.invalidArgument("maxCount");
    }
    collectors.put(collector, pageSize);
  }

  void destroyCollector(String collector) {
    requireCollector(collector);
    collectors.remove(collector);
  }

  private void requireCollector(String collector) {
    if (!collectors.containsKey(collector)) {
      throw SoapFault.notFound(new MoRef("EventHistoryCollector", collector));
    }
  }

  /** QueryEvents: every event, oldest first. */
  synchronized List<XmlElement> query() {
    return events.stream().map(event -> write("returnval", event)).toList();
  }

  /** The EventManager, or a history collector, as a managed object; null when {@code ref} is neither. */
  VimObject object(MoRef ref) {
    if (ref.equals(MANAGER)) {
      return VimObject.of(ref, name -> switch (name) {
        case "description" -> description();
        case "latestEvent" -> latest(1).stream().findFirst().map(e -> e.renamed("val"))
            .orElse(null);
        case "maxCollector" -> VimObject.integer("val", 1000);
        default -> null;
      });
    }
    Integer pageSize = ref.type().equals("EventHistoryCollector") ? collectors.get(ref.value()) : null;
    if (pageSize == null) {
      return null;
    }
    return VimObject.of(ref, name -> name.equals("latestPage")
        ? XmlElement.of("val", latest(pageSize)).typed("ArrayOfEvent") : null);
  }

  /** The newest {@code count} events, newest first, as a collector's latest page lists them. */
  private synchronized List<XmlElement> latest(int count) {
    List<XmlElement> page = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0 && page.size() < count; i--) {
      page.add(write("Event", events.get(i)));
    }
    return page;
  }

  private synchronized XmlElement description() {
    List<XmlElement> fields = new ArrayList<>();
    for (String category : List.of("info", "warning", "error", "user")) {
      fields.add(XmlElement.of("category", XmlElement.text("label", category), XmlElement.text("summary", category),
          XmlElement.text("key", category)).typed("ElementDescription"));
    }
    for (String type : TYPES) {
      fields.add(XmlElement.of("eventInfo", XmlElement.text("key", type), XmlElement.text("description", type),
          XmlElement.text("category", "info"), XmlElement.text("formatOnDatacenter", ""),
          XmlElement.text("formatOnComputeResource", ""), XmlElement.text("formatOnHost", ""),
          XmlElement.text("formatOnVm", ""), XmlElement.text("fullFormat", type))
          .typed("EventDescriptionEventDetail"));
    }
    return XmlElement.of("val", fields).typed("EventDescription");
  }

  private static XmlElement write(String name, Event event) {
    return XmlElement.of(name, XmlElement.text("key", event.key()), XmlElement.text("chainId", event.key()),
        XmlElement.text("createdTime", event.created().toString()), XmlElement.text("userName", event.user()),
        XmlElement.of("datacenter", XmlElement.text("name", Inventory.DATACENTER_NAME),
            XmlElement.moRef("datacenter", new MoRef("Datacenter", Inventory.DATACENTER))),
        XmlElement.of("computeResource", XmlElement.text("name", "Cluster1"),
            XmlElement.moRef("computeResource", Inventory.CLUSTER)),
        XmlElement.of("host", XmlElement.text("name", "172.16.0.11"), XmlElement.moRef("host", Inventory.HOST)),
        event.vm() == null ? null : XmlElement.of("vm", XmlElement.text("name", event.vmName()),
            XmlElement.moRef("vm", event.vm())),
        XmlElement.text("fullFormattedMessage", event.message()), event.detail()).typed(event.type());
  }
}
