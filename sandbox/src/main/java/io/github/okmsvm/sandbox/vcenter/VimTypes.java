package io.github.okmsvm.sandbox.vcenter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vim25 managed-object types the sandbox serves: each one's parent type and the properties it declares, as the
 * vSphere API reference lists them. The PropertyCollector matches specs by type (a spec for ManagedEntity covers a
 * VirtualMachine) and refuses a path whose first segment the type does not declare, as vCenter does (and, for a VM's
 * config and runtime, a second segment their data objects do not declare).
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

  /**
   * The data objects behind some properties, with every field the vim25 API declares (vSphere 8.0 U3): a path into
   * them names one of these fields, or vCenter answers InvalidProperty. Paths into other data objects are not checked.
   */
  private static final Map<String, List<String>> DATA_OBJECTS = Map.of(
      "VirtualMachine.config", List.of("changeVersion", "modified", "name", "guestFullName", "version", "uuid",
          "createDate", "instanceUuid", "npivNodeWorldWideName", "npivPortWorldWideName", "npivWorldWideNameType",
          "npivDesiredNodeWwns", "npivDesiredPortWwns", "npivTemporaryDisabled", "npivOnNonRdmDisks", "locationId",
          "template", "guestId", "alternateGuestName", "annotation", "files", "tools", "flags",
          "consolePreferences", "defaultPowerOps", "rebootPowerOff", "hardware", "vcpuConfig", "cpuAllocation",
          "memoryAllocation", "latencySensitivity", "memoryHotAddEnabled", "cpuHotAddEnabled",
          "cpuHotRemoveEnabled", "hotPlugMemoryLimit", "hotPlugMemoryIncrementSize", "cpuAffinity",
          "memoryAffinity", "networkShaper", "extraConfig", "cpuFeatureMask", "datastoreUrl", "swapPlacement",
          "bootOptions", "ftInfo", "repConfig", "vAppConfig", "vAssertsEnabled", "changeTrackingEnabled",
          "firmware", "maxMksConnections", "guestAutoLockEnabled", "managedBy", "memoryReservationLockedToMax",
          "initialOverhead", "nestedHVEnabled", "vPMCEnabled", "scheduledHardwareUpgradeInfo", "forkConfigInfo",
          "vFlashCacheReservation", "vmxConfigChecksum", "messageBusTunnelEnabled", "vmStorageObjectId",
          "swapStorageObjectId", "keyId", "guestIntegrityInfo", "migrateEncryption", "sgxInfo",
          "contentLibItemInfo", "ftEncryptionMode", "guestMonitoringModeInfo", "sevEnabled", "numaInfo",
          "pmemFailoverEnabled", "vmxStatsCollectionEnabled", "vmOpNotificationToAppEnabled",
          "vmOpNotificationTimeout", "deviceSwap", "pmem", "deviceGroups", "fixedPassthruHotPlugEnabled",
          "metroFtEnabled", "metroFtHostGroup"),
      "VirtualMachine.runtime", List.of("device", "host", "connectionState", "powerState",
          "vmFailoverInProgress", "faultToleranceState", "dasVmProtection", "toolsInstallerMounted", "suspendTime",
          "bootTime", "suspendInterval", "question", "memoryOverhead", "maxCpuUsage", "maxMemoryUsage",
          "numMksConnections", "recordReplayState", "cleanPowerOff", "needSecondaryReason", "onlineStandby",
          "minRequiredEVCModeKey", "consolidationNeeded", "offlineFeatureRequirement", "featureRequirement",
          "featureMask", "vFlashCacheAllocation", "paused", "snapshotInBackground", "quiescedForkParent",
          "instantCloneFrozen", "cryptoState", "suspendedToMemory", "opNotificationTimeout", "iommuActive"));

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

  /**
   * Whether {@code path} may be asked of {@code type}: its first segment (before '.' or '[') is a property, and its
   * second, for a data object declared above, one of that object's fields.
   */
  static boolean hasPath(String type, String path) {
    String first = segment(path, 0);
    if (!properties(type).contains(first) || first.length() == path.length() || path.charAt(first.length()) != '.') {
      return properties(type).contains(first);
    }
    for (String current = type; current != null; current = PARENTS.get(current)) {
      List<String> fields = DATA_OBJECTS.get(current + "." + first);
      if (fields != null) {
        return fields.contains(segment(path, first.length() + 1));
      }
    }
    return true;
  }

  /** The name starting at {@code from}, up to the next '.' or '['. */
  private static String segment(String path, int from) {
    int end = path.length();
    for (int i = from; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    return path.substring(from, end);
  }
}
