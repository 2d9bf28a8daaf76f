package io.github.okmsvm.sandbox.vcenter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vim25 managed-object types the sandbox serves: each one's parent type and the properties it declares, as the
 * vSphere API reference lists them. The PropertyCollector matches specs by type (a spec for ManagedEntity covers a
 * VirtualMachine) and refuses a path whose first segment the type does not declare, as vCenter does.
 */
final class VimTypes {
  private static final Map<String, String> PARENTS = Map.ofEntries(
      Map.entry("ManagedEntity", "ExtensibleManagedObject"),
      Map.entry("Folder", "ManagedEntity"),
      Map.entry("Datacenter", "ManagedEntity"),
      Map.entry("VirtualMachine", "ManagedEntity"),
      Map.entry("HostSystem", "ManagedEntity"),
      Map.entry("Datastore", "ManagedEntity"),
      Map.entry("Network", "ManagedEntity"),
      Map.entry("ComputeResource", "ManagedEntity"),
      Map.entry("ClusterComputeResource", "ComputeResource"),
      Map.entry("ResourcePool", "ManagedEntity"),
      Map.entry("VirtualApp", "ResourcePool"),
      Map.entry("DistributedVirtualSwitch", "ManagedEntity"),
      Map.entry("Task", "ExtensibleManagedObject"),
      Map.entry("ManagedObjectView", "View"),
      Map.entry("ContainerView", "ManagedObjectView"),
      Map.entry("ListView", "ManagedObjectView"),
      Map.entry("EventHistoryCollector", "HistoryCollector"),
      Map.entry("TaskHistoryCollector", "HistoryCollector"));

  private static final Map<String, List<String>> DECLARED = Map.ofEntries(
      Map.entry("ExtensibleManagedObject", List.of("value", "availableField")),
      Map.entry("ManagedEntity", List.of("parent", "customValue", "overallStatus", "configStatus", "configIssue",
          "effectiveRole", "permission", "name", "disabledMethod", "recentTask", "declaredAlarmState",
          "triggeredAlarmState", "alarmActionsEnabled", "tag")),
      Map.entry("Folder", List.of("childType", "childEntity", "namespace")),
      Map.entry("Datacenter", List.of("vmFolder", "hostFolder", "datastoreFolder", "networkFolder", "datastore",
          "network", "configuration")),
      Map.entry("VirtualMachine", List.of("capability", "config", "layout", "layoutEx", "storage",
          "environmentBrowser", "resourcePool", "parentVApp", "resourceConfig", "runtime", "guest", "summary",
          "datastore", "network", "snapshot", "rootSnapshot", "guestHeartbeatStatus")),
      Map.entry("HostSystem", List.of("runtime", "summary", "hardware", "capability", "licensableResource",
          "remediationState", "precheckRemediationResult", "remediationResult", "complianceCheckState",
          "complianceCheckResult", "configManager", "config", "vm", "datastore", "network", "datastoreBrowser",
          "systemResources", "answerFileValidationState", "answerFileValidationResult")),
      Map.entry("Datastore", List.of("info", "summary", "host", "vm", "browser", "capability", "iormConfiguration")),
      Map.entry("Network", List.of("summary", "host", "vm", "name")),
      Map.entry("ComputeResource", List.of("resourcePool", "host", "datastore", "network", "summary",
          "environmentBrowser", "configurationEx", "lifecycleManaged")),
      Map.entry("ClusterComputeResource", List.of("configuration", "recommendation", "drsRecommendation",
          "hciConfig", "migrationHistory", "actionHistory", "drsFault")),
      Map.entry("ResourcePool", List.of("summary", "runtime", "owner", "resourcePool", "vm", "config", "namespace",
          "childConfiguration")),
      Map.entry("Task", List.of("info")),
      Map.entry("ManagedObjectView", List.of("view")),
      Map.entry("ContainerView", List.of("container", "type", "recursive")),
      Map.entry("TaskManager", List.of("recentTask", "description", "maxCollector")),
      Map.entry("EventManager", List.of("description", "latestEvent", "maxCollector")),
      Map.entry("HistoryCollector", List.of("filter")),
      Map.entry("EventHistoryCollector", List.of("latestPage")),
      Map.entry("TaskHistoryCollector", List.of("latestPage")),
      Map.entry("PropertyFilter", List.of("spec", "partialUpdates")),
      Map.entry("ServiceInstance", List.of("serverClock", "capability", "content")),
      Map.entry("SessionManager", List.of("sessionList", "currentSession", "message", "messageLocaleList",
          "supportedLocaleList", "defaultLocale")),
      Map.entry("PropertyCollector", List.of("filter")));

  private VimTypes() {}

  /** Whether {@code type} is {@code ancestor} or derives from it. */
  static boolean isA(String type, String ancestor) {
    for (String current = type; current != null; current = PARENTS.get(current)) {
      if (current.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a type of that name is one the sandbox knows (a spec naming another type is refused). */
  static boolean known(String type) {
    return PARENTS.containsKey(type) || DECLARED.containsKey(type) || PARENTS.containsValue(type);
  }

  /** The top-level properties of {@code type}, its own and inherited. */
  static Set<String> properties(String type) {
    Set<String> all = new HashSet<>();
    for (String current = type; current != null; current = PARENTS.get(current)) {
      all.addAll(DECLARED.getOrDefault(current, List.of()));
    }
    return all;
  }

  /** Whether {@code path} may be asked of {@code type}: its first segment (before '.' or '[') is a property. */
  static boolean hasPath(String type, String path) {
    int end = path.length();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    return properties(type).contains(path.substring(0, end));
  }
}
