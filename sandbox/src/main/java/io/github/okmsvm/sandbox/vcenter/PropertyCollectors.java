package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * vim25's PropertyCollector as vCenter runs it: every filter spec, every object spec with its traversal specs (named
 * ones reused through selection specs, skip on the object and on each traversal), every property spec matched by type
 * and inheritance, {@code all}, paths checked against the type before anything is collected, paged answers, and
 * property filters whose changes {@code WaitForUpdatesEx} reports (enter, modify, leave) from one version to the next.
 */
final class PropertyCollectors {
  static final String DEFAULT = "propertyCollector";
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final Function<MoRef, VimObject> objects;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, Collector> collectors = new ConcurrentHashMap<>();
  private final Map<String, String> filterOwners = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);

  private record PropertySpec(String type, boolean all, List<String> paths) {}

  private record Selected(MoRef ref, List<PropertySpec> specs) {}

  private record Page(List<Selected> remaining, int maxObjects) {}

  private static final class Filter {
    final XmlElement spec;
    Map<MoRef, Map<String, XmlElement>> reported = new LinkedHashMap<>();

    Filter(XmlElement spec) {
      this.spec = spec;
    }
  }

  private static final class Collector {
    final Map<String, Filter> filters = new ConcurrentHashMap<>();
    long version;
  }

  PropertyCollectors(Function<MoRef, VimObject> objects) {
    this.objects = objects;
  }

  /** RetrievePropertiesEx: the first page, with a token while more remain. */
  List<XmlElement> retrieveEx(XmlElement request) {
    List<Selected> selected = select(request.children("specSet"));
    String max = request.path("options.maxObjects").map(XmlElement::text).orElse(null);
    int maxObjects = max == null || max.isBlank() ? 100 : Math.max(1, Integer.parseInt(max));
    return page(new Page(selected, maxObjects));
  }

  List<XmlElement> continueEx(String token) {
    Page page = pages.remove(token);
    if (page == null) {
      throw SoapFault.invalidArgument("token");
    }
    return page(page);
  }

  void cancel(String token) {
    pages.remove(token);
  }

  /** RetrieveProperties: every object at once, one {@code returnval} each. */
  List<XmlElement> retrieve(XmlElement request) {
    List<XmlElement> all = new ArrayList<>();
    for (Selected selected : select(request.children("specSet"))) {
      all.add(content("returnval", selected));
    }
    return all;
  }

  private List<XmlElement> page(Page page) {
    List<XmlElement> contents = new ArrayList<>();
    int end = Math.min(page.maxObjects(), page.remaining().size());
    for (Selected selected : page.remaining().subList(0, end)) {
      contents.add(content("objects", selected));
    }
    if (contents.isEmpty()) {
      return List.of();
    }
    List<XmlElement> result = new ArrayList<>();
    if (end < page.remaining().size()) {
      String token = Long.toString(ids.getAndIncrement());
      pages.put(token, new Page(page.remaining().subList(end, page.remaining().size()), page.maxObjects()));
      result.add(XmlElement.text("token", token));
    }
    result.addAll(contents);
    return List.of(XmlElement.of("returnval", result).typed("RetrieveResult"));
  }

  private XmlElement content(String name, Selected selected) {
    VimObject object = objects.apply(selected.ref());
    List<XmlElement> fields = new ArrayList<>();
    fields.add(XmlElement.moRef("obj", selected.ref()));
    for (Map.Entry<String, XmlElement> property : values(object, selected.specs()).entrySet()) {
      fields.add(XmlElement.of("propSet", XmlElement.text("name", property.getKey()), property.getValue()));
    }
    return XmlElement.of(name, fields).typed("ObjectContent");
  }

  /** The set properties of an object that its matching specs ask for, by path, in the order asked. */
  private static Map<String, XmlElement> values(VimObject object, List<PropertySpec> specs) {
    Set<String> paths = new LinkedHashSet<>();
    for (PropertySpec spec : specs) {
      paths.addAll(spec.all() ? new TreeSet<>(VimTypes.properties(object.ref().type())) : spec.paths());
    }
    Map<String, XmlElement> found = new LinkedHashMap<>();
    for (String path : paths) {
      XmlElement value = object.value(path);
      if (value != null) {
        found.put(path, value);
      }
    }
    return found;
  }

  /** The objects the filter specs select, each with the property specs that apply to its type. */
  private List<Selected> select(List<XmlElement> filterSpecs) {
    if (filterSpecs.isEmpty()) {
      throw SoapFault.invalidArgument("specSet");
    }
    List<Selected> selected = new ArrayList<>();
    for (XmlElement filterSpec : filterSpecs) {
      List<PropertySpec> specs = propertySpecs(filterSpec);
      if (filterSpec.children("objectSet").isEmpty()) {
        throw SoapFault.invalidArgument("objectSet");
      }
      Set<MoRef> refs = new LinkedHashSet<>();
      for (XmlElement objectSpec : filterSpec.children("objectSet")) {
        MoRef obj = objectSpec.child("obj").orElseThrow(() -> SoapFault.invalidArgument("obj")).asMoRef();
        objects.apply(obj); // vCenter fails the call on an object that does not exist
        Map<String, XmlElement> named = new HashMap<>();
        collectNamed(objectSpec.children("selectSet"), named);
        visit(obj, "true".equals(objectSpec.childText("skip")), objectSpec.children("selectSet"), named, refs,
            new HashSet<>());
      }
      for (MoRef ref : refs) {
        List<PropertySpec> matching = specs.stream().filter(spec -> VimTypes.isA(ref.type(), spec.type())).toList();
        if (!matching.isEmpty()) {
          selected.add(new Selected(ref, matching));
        }
      }
    }
    return selected;
  }

  private static List<PropertySpec> propertySpecs(XmlElement filterSpec) {
    List<PropertySpec> specs = new ArrayList<>();
    for (XmlElement propSet : filterSpec.children("propSet")) {
      String type = propSet.childText("type");
      if (type == null || !VimTypes.known(type)) {
        throw new SoapFault("InvalidType", "", List.of(XmlElement.text("argument", type)));
      }
      List<String> paths = propSet.children("pathSet").stream().map(XmlElement::text).toList();
      for (String path : paths) {
        if (!VimTypes.hasPath(type, path)) {
          throw SoapFault.invalidProperty(path); // checked for every spec before anything is collected
        }
      }
      specs.add(new PropertySpec(type, "true".equals(propSet.childText("all")), paths));
    }
    if (specs.isEmpty()) {
      throw SoapFault.invalidArgument("propSet");
    }
    return specs;
  }

  private static void collectNamed(List<XmlElement> selectSet, Map<String, XmlElement> named) {
    for (XmlElement selection : selectSet) {
      if (isTraversal(selection)) {
        String name = selection.childText("name");
        if (name != null && !name.isEmpty() && named.putIfAbsent(name, selection) == null) {
          collectNamed(selection.children("selectSet"), named);
        }
      }
    }
  }

  private static boolean isTraversal(XmlElement selection) {
    return "TraversalSpec".equals(selection.xsiType()) || selection.child("path").isPresent();
  }

  private void visit(MoRef obj, boolean skip, List<XmlElement> selectSet, Map<String, XmlElement> named,
      Set<MoRef> found, Set<String> followed) {
    if (!skip) {
      found.add(obj);
    }
    for (XmlElement selection : selectSet) {
      XmlElement traversal = isTraversal(selection) ? selection : named.get(selection.childText("name"));
      if (traversal == null) {
        throw SoapFault.invalidArgument("selectSet");
      }
      String type = traversal.childText("type");
      String path = traversal.childText("path");
      if (type == null || !VimTypes.known(type) || path == null || !VimTypes.hasPath(type, path)) {
        throw SoapFault.invalidArgument("selectSet");
      }
      // a traversal applies to objects of its type only, and each object follows each traversal once (cycles)
      if (!VimTypes.isA(obj.type(), type) || !followed.add(obj + " " + System.identityHashCode(traversal))) {
        continue;
      }
      for (MoRef next : objects.apply(obj).references(path)) {
        visit(next, "true".equals(traversal.childText("skip")), traversal.children("selectSet"), named, found,
            followed);
      }
    }
  }

  /** CreatePropertyCollector: a session's own collector. */
  MoRef createCollector(String session) {
    String id = "session[" + session.substring(0, 8) + "]collector-" + ids.getAndIncrement();
    collectors.put(id, new Collector());
    return new MoRef("PropertyCollector", id);
  }

  void destroyCollector(String id) {
    Collector removed = collectors.remove(id);
    if (removed == null) {
      throw SoapFault.notFound(new MoRef("PropertyCollector", id));
    }
    removed.filters.keySet().forEach(filterOwners::remove);
  }

  /** CreateFilter: checked as RetrievePropertiesEx checks its specs, then reported by WaitForUpdatesEx. */
  MoRef createFilter(String collectorId, XmlElement spec) {
    select(List.of(spec));
    String id = collectorId + "-filter-" + ids.getAndIncrement();
    collector(collectorId).filters.put(id, new Filter(spec));
    filterOwners.put(id, collectorId);
    return new MoRef("PropertyFilter", id);
  }

  void destroyFilter(String id) {
    String owner = filterOwners.remove(id);
    if (owner == null) {
      throw SoapFault.notFound(new MoRef("PropertyFilter", id));
    }
    collector(owner).filters.remove(id);
  }

  private Collector collector(String id) {
    if (id.equals(DEFAULT)) {
      return collectors.computeIfAbsent(DEFAULT, ignored -> new Collector());
    }
    Collector collector = collectors.get(id);
    if (collector == null) {
      throw SoapFault.notFound(new MoRef("PropertyCollector", id));
    }
    return collector;
  }

  /**
   * WaitForUpdatesEx: the changes since the version the client last saw (everything, on the first call); with none,
   * waits up to {@code maxWaitSeconds} (0: not at all; {@code fixedWait}, when given, instead) and then answers
   * nothing.
   */
  List<XmlElement> waitForUpdates(String collectorId, XmlElement request, Integer fixedWait)
      throws InterruptedException {
    Collector collector = collector(collectorId);
    String maxWait = fixedWait != null ? fixedWait.toString()
        : request.path("options.maxWaitSeconds").map(XmlElement::text).orElse(null);
    Duration wait = maxWait == null ? LONGEST_WAIT : Duration.ofSeconds(Math.min(Long.parseLong(maxWait),
        LONGEST_WAIT.toSeconds()));
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      synchronized (collector) {
        List<XmlElement> filterSets = new ArrayList<>();
        for (Map.Entry<String, Filter> filter : collector.filters.entrySet()) {
          List<XmlElement> updates = changes(filter.getValue());
          if (!updates.isEmpty()) {
            List<XmlElement> fields = new ArrayList<>();
            fields.add(XmlElement.moRef("filter", new MoRef("PropertyFilter", filter.getKey())));
            fields.addAll(updates);
            filterSets.add(XmlElement.of("filterSet", fields));
          }
        }
        if (!filterSets.isEmpty()) {
          collector.version++;
          List<XmlElement> fields = new ArrayList<>();
          fields.add(XmlElement.text("version", collector.version));
          fields.addAll(filterSets);
          return List.of(XmlElement.of("returnval", fields).typed("UpdateSet"));
        }
      }
      if (!Instant.now().isBefore(deadline)) {
        return List.of();
      }
      Thread.sleep(25);
    }
  }

  private List<XmlElement> changes(Filter filter) {
    Map<MoRef, Map<String, XmlElement>> now = new LinkedHashMap<>();
    for (Selected selected : select(List.of(filter.spec))) {
      try {
        now.put(selected.ref(), values(objects.apply(selected.ref()), selected.specs()));
      } catch (SoapFault gone) {
        // an object deleted since the filter was made leaves the filter's set
      }
    }
    List<XmlElement> updates = new ArrayList<>();
    for (Map.Entry<MoRef, Map<String, XmlElement>> object : now.entrySet()) {
      Map<String, XmlElement> before = filter.reported.get(object.getKey());
      List<XmlElement> changeSet = new ArrayList<>();
      for (Map.Entry<String, XmlElement> property : object.getValue().entrySet()) {
        if (before == null || !same(before.get(property.getKey()), property.getValue())) {
          changeSet.add(XmlElement.of("changeSet", XmlElement.text("name", property.getKey()),
              XmlElement.text("op", "assign"), property.getValue()));
        }
      }
      if (before != null) {
        before.keySet().stream().filter(path -> !object.getValue().containsKey(path)).forEach(path ->
            changeSet.add(XmlElement.of("changeSet", XmlElement.text("name", path), XmlElement.text("op", "assign"))));
      }
      if (before == null || !changeSet.isEmpty()) {
        List<XmlElement> fields = new ArrayList<>();
        fields.add(XmlElement.text("kind", before == null ? "enter" : "modify"));
        fields.add(XmlElement.moRef("obj", object.getKey()));
        fields.addAll(changeSet);
        updates.add(XmlElement.of("objectSet", fields));
      }
    }
    for (MoRef left : filter.reported.keySet()) {
      if (!now.containsKey(left)) {
        updates.add(XmlElement.of("objectSet", XmlElement.text("kind", "leave"), XmlElement.moRef("obj", left)));
      }
    }
    filter.reported = now;
    return updates;
  }

  private static boolean same(XmlElement a, XmlElement b) {
    return a != null && b != null && canonical(a).equals(canonical(b));
  }

  private static String canonical(XmlElement element) {
    StringBuilder out = new StringBuilder("<").append(element.name()).append(element.attributes()).append('>')
        .append(element.text());
    element.children().forEach(child -> out.append(canonical(child)));
    return out.append("</>").toString();
  }
}
