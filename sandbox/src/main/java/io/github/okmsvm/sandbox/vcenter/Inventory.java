package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox inventory, shaped as a one-cluster PCC datacenter: root folder {@code group-d1} → datacenter {@code DC0}
 * with its VM, host, datastore and network folders; cluster {@code Cluster1} with one host and its root resource pool;
 * datastore {@code datastore1}; network {@code VM Network}; the VMs in the VM folder and its sub-folders. VMs are named
 * {@code vm-0001}, … unless named explicitly.
 */
final class Inventory {
  static final String ROOT = "group-d1";
  static final String DATACENTER = "datacenter-2";
  static final String VM_FOLDER = "group-v3";
  static final String HOST_FOLDER = "group-h4";
  static final String DATASTORE_FOLDER = "group-s5";
  static final String NETWORK_FOLDER = "group-n6";
  static final MoRef CLUSTER = new MoRef("ClusterComputeResource", "domain-c7");
  static final MoRef HOST = new MoRef("HostSystem", "host-8");
  static final MoRef POOL = new MoRef("ResourcePool", "resgroup-9");
  static final MoRef DATASTORE = new MoRef("Datastore", "datastore-10");
  static final MoRef NETWORK = new MoRef("Network", "network-11");
  static final String DATACENTER_NAME = "DC0";

  final Map<String, String> folderNames = new LinkedHashMap<>();
  final Map<String, String> folderParents = new LinkedHashMap<>();
  final Map<String, SandboxVm> vms = new LinkedHashMap<>();
  private final Map<String, VimObject> infrastructure = new LinkedHashMap<>();
  private int nextId = 100;

  Inventory() {
    folderNames.put(ROOT, "Datacenters");
    for (String[] folder : new String[][] {{VM_FOLDER, "vm"}, {HOST_FOLDER, "host"},
        {DATASTORE_FOLDER, "datastore"}, {NETWORK_FOLDER, "network"}}) {
      folderNames.put(folder[0], folder[1]);
      folderParents.put(folder[0], DATACENTER);
    }
    infrastructure.put(DATACENTER, entity(new MoRef("Datacenter", DATACENTER), DATACENTER_NAME, folderRef(ROOT),
        name -> switch (name) {
          case "vmFolder" -> VimObject.ref(folderRef(VM_FOLDER));
          case "hostFolder" -> VimObject.ref(folderRef(HOST_FOLDER));
          case "datastoreFolder" -> VimObject.ref(folderRef(DATASTORE_FOLDER));
          case "networkFolder" -> VimObject.ref(folderRef(NETWORK_FOLDER));
          case "datastore" -> VimObject.refs(List.of(DATASTORE));
          case "network" -> VimObject.refs(List.of(NETWORK));
          default -> null;
        }));
    infrastructure.put(CLUSTER.value(), entity(CLUSTER, "Cluster1", folderRef(HOST_FOLDER), name -> switch (name) {
      case "host" -> VimObject.refs(List.of(HOST));
      case "resourcePool" -> VimObject.ref(POOL);
      case "datastore" -> VimObject.refs(List.of(DATASTORE));
      case "network" -> VimObject.refs(List.of(NETWORK));
      case "summary" -> XmlElement.of("val", VimObject.integer("numHosts", 1),
          VimObject.integer("numEffectiveHosts", 1), VimObject.integer("numCpuCores", 16),
          VimObject.integer("numCpuThreads", 32), VimObject.longValue("totalMemory", 274_877_906_944L),
          VimObject.integer("totalCpu", 38_400), VimObject.longValue("effectiveMemory", 262_144),
          VimObject.integer("effectiveCpu", 38_400), XmlElement.text("overallStatus", "green"))
          .typed("ClusterComputeResourceSummary");
      default -> null;
    }));
    infrastructure.put(HOST.value(), entity(HOST, "172.16.0.11", CLUSTER, name -> switch (name) {
      case "vm" -> VimObject.refs(vmRefs());
      case "datastore" -> VimObject.refs(List.of(DATASTORE));
      case "network" -> VimObject.refs(List.of(NETWORK));
      case "runtime" -> hostRuntime("val").typed("HostRuntimeInfo");
      case "summary" -> XmlElement.of("val", XmlElement.moRef("host", HOST), hostRuntime("runtime"),
          XmlElement.of("config", XmlElement.text("name", "172.16.0.11"), XmlElement.text("port", 443),
              XmlElement.text("vmotionEnabled", true), XmlElement.text("faultToleranceEnabled", false)),
          XmlElement.text("overallStatus", "green"), XmlElement.text("rebootRequired", false),
          XmlElement.text("managementServerIp", "127.0.0.1")).typed("HostListSummary");
      default -> null;
    }));
    infrastructure.put(POOL.value(), entity(POOL, "Resources", CLUSTER, name -> switch (name) {
      case "owner" -> VimObject.ref(CLUSTER);
      case "vm" -> VimObject.refs(vmRefs());
      case "resourcePool" -> VimObject.refs(List.of());
      default -> null;
    }));
    infrastructure.put(DATASTORE.value(), entity(DATASTORE, "datastore1", folderRef(DATASTORE_FOLDER),
        name -> switch (name) {
          case "host" -> XmlElement.of("val", XmlElement.of("DatastoreHostMount", XmlElement.moRef("key", HOST),
              XmlElement.of("mountInfo", XmlElement.text("accessMode", "readWrite"),
                  XmlElement.text("mounted", true), XmlElement.text("accessible", true))))
              .typed("ArrayOfDatastoreHostMount");
          case "vm" -> VimObject.refs(vmRefs());
          case "summary" -> XmlElement.of("val", XmlElement.moRef("datastore", DATASTORE),
              XmlElement.text("name", "datastore1"), XmlElement.text("url", "ds:///vmfs/volumes/okms-sandbox-1/"),
              XmlElement.text("capacity", 4_398_046_511_104L), XmlElement.text("freeSpace", 2_199_023_255_552L),
              XmlElement.text("accessible", true), XmlElement.text("multipleHostAccess", false),
              XmlElement.text("type", "VMFS"), XmlElement.text("maintenanceMode", "normal"))
              .typed("DatastoreSummary");
          default -> null;
        }));
    infrastructure.put(NETWORK.value(), entity(NETWORK, "VM Network", folderRef(NETWORK_FOLDER),
        name -> switch (name) {
          case "host" -> VimObject.refs(List.of(HOST));
          case "vm" -> VimObject.refs(vmRefs());
          case "summary" -> XmlElement.of("val", XmlElement.moRef("network", NETWORK),
              XmlElement.text("name", "VM Network"), XmlElement.text("accessible", true)).typed("NetworkSummary");
          default -> null;
        }));
  }

  private static XmlElement hostRuntime(String name) {
    return XmlElement.of(name, XmlElement.text("connectionState", "connected"),
        XmlElement.text("powerState", "poweredOn"), XmlElement.text("inMaintenanceMode", false),
        XmlElement.text("inQuarantineMode", false), XmlElement.text("bootTime", "2026-01-01T00:00:00Z"));
  }

  private static MoRef folderRef(String id) {
    return new MoRef("Folder", id);
  }

  /** A ManagedEntity: its name, parent and status, then the properties of its own type. */
  private static VimObject entity(MoRef ref, String entityName, MoRef parent, Function<String, XmlElement> own) {
    return VimObject.of(ref, name -> {
      XmlElement common = common(name, entityName, parent);
      return common != null ? common : own.apply(name);
    });
  }

  /** The ManagedEntity properties every entity answers alike; the others (alarms, permissions, tags) stay unset. */
  static XmlElement common(String name, String entityName, MoRef parent) {
    return switch (name) {
      case "name" -> VimObject.string("val", entityName);
      case "parent" -> parent == null ? null : VimObject.ref(parent);
      case "overallStatus", "configStatus" -> XmlElement.text("val", "green").typed("ManagedEntityStatus");
      case "alarmActionsEnabled" -> VimObject.bool("val", true);
      default -> null;
    };
  }

  synchronized String folder(String name) {
    for (Map.Entry<String, String> entry : folderNames.entrySet()) {
      if (entry.getValue().equals(name) && VM_FOLDER.equals(folderParents.get(entry.getKey()))) {
        return entry.getKey();
      }
    }
    String id = "group-v" + nextId++;
    folderNames.put(id, name);
    folderParents.put(id, VM_FOLDER);
    return id;
  }

  synchronized SandboxVm addVm(String name, String folderId, String powerState, int disks) {
    SandboxVm vm = new SandboxVm("vm-" + nextId++, name, folderId, powerState, disks);
    vms.put(vm.id, vm);
    return vm;
  }

  synchronized SandboxVm vm(String id) {
    SandboxVm vm = vms.get(id);
    if (vm == null) {
      throw SoapFault.notFound(new MoRef("VirtualMachine", id));
    }
    return vm;
  }

  private synchronized List<MoRef> vmRefs() {
    return vms.values().stream().map(vm -> new MoRef("VirtualMachine", vm.id)).toList();
  }

  /** The managed entity {@code ref} names; a reference whose type is not the object's is not found, as in vCenter. */
  synchronized VimObject object(MoRef ref) {
    VimObject found = null;
    if (vms.containsKey(ref.value())) {
      found = VmProperties.object(vms.get(ref.value()));
    } else if (folderNames.containsKey(ref.value())) {
      found = folderObject(ref.value());
    } else {
      found = infrastructure.get(ref.value());
    }
    if (found == null || !found.ref().type().equals(ref.type())) {
      throw SoapFault.notFound(ref);
    }
    return found;
  }

  private VimObject folderObject(String id) {
    String parentId = folderParents.get(id);
    MoRef parent = parentId == null ? null : parentId.equals(DATACENTER) ? new MoRef("Datacenter", DATACENTER)
        : folderRef(parentId);
    return entity(folderRef(id), folderNames.get(id), parent, name -> switch (name) {
      case "childEntity" -> VimObject.refs(children(folderRef(id)));
      case "childType" -> XmlElement.of("val", childTypes(id).stream().map(type -> XmlElement.text("string", type))
          .toList()).typed("ArrayOfString");
      default -> null;
    });
  }

  private List<String> childTypes(String folderId) {
    return switch (folderId) {
      case ROOT -> List.of("Folder", "Datacenter");
      case HOST_FOLDER -> List.of("Folder", "ComputeResource");
      case DATASTORE_FOLDER -> List.of("Folder", "Datastore", "StoragePod");
      case NETWORK_FOLDER -> List.of("Folder", "Network", "DistributedVirtualSwitch");
      default -> List.of("Folder", "VirtualMachine", "VirtualApp");
    };
  }

  /** The entities directly inside a container, as a ContainerView walks it. */
  synchronized List<MoRef> children(MoRef container) {
    List<MoRef> found = new ArrayList<>();
    switch (container.type()) {
      case "Folder" -> {
        switch (container.value()) {
          case ROOT -> found.add(new MoRef("Datacenter", DATACENTER));
          case HOST_FOLDER -> found.add(CLUSTER);
          case DATASTORE_FOLDER -> found.add(DATASTORE);
          case NETWORK_FOLDER -> found.add(NETWORK);
          default -> {
            folderParents.forEach((id, parent) -> {
              if (parent.equals(container.value())) {
                found.add(folderRef(id));
              }
            });
            vms.values().stream().filter(vm -> vm.folderId.equals(container.value()))
                .forEach(vm -> found.add(new MoRef("VirtualMachine", vm.id)));
          }
        }
      }
      case "Datacenter" -> List.of(VM_FOLDER, HOST_FOLDER, DATASTORE_FOLDER, NETWORK_FOLDER)
          .forEach(id -> found.add(folderRef(id)));
      case "ClusterComputeResource", "ComputeResource" -> {
        found.add(HOST);
        found.add(POOL);
      }
      case "ResourcePool", "HostSystem" -> found.addAll(vmRefs());
      default -> { }
    }
    return found;
  }

  /** Every entity below {@code container}, depth first, once each, without the container itself. */
  synchronized List<MoRef> below(MoRef container, boolean recursive) {
    Set<MoRef> found = new LinkedHashSet<>();
    Deque<MoRef> pending = new ArrayDeque<>();
    pushReversed(pending, children(container));
    while (!pending.isEmpty()) {
      MoRef next = pending.pop();
      if (found.add(next) && recursive) {
        pushReversed(pending, children(next));
      }
    }
    return new ArrayList<>(found);
  }

  private static void pushReversed(Deque<MoRef> stack, List<MoRef> refs) {
    for (int i = refs.size() - 1; i >= 0; i--) {
      stack.push(refs.get(i));
    }
  }

  /** The ids of the VMs whose home or a disk is encrypted with {@code keyId}. */
  synchronized List<String> vmsUsingKey(String keyId) {
    List<String> found = new ArrayList<>();
    for (SandboxVm vm : vms.values()) {
      synchronized (vm) {
        if (keyId.equals(vm.homeKeyId) || vm.disks.stream().anyMatch(disk -> keyId.equals(disk.keyId))) {
          found.add(vm.id);
        }
      }
    }
    return found;
  }

  /** The entity at an inventory path such as {@code DC0/vm/prod/web-01} or {@code DC0/host/Cluster1}, or null. */
  synchronized MoRef find(String inventoryPath) {
    String trimmed = inventoryPath.replaceAll("^/+|/+$", "");
    MoRef current = folderRef(ROOT);
    if (trimmed.isEmpty()) {
      return current;
    }
    for (String name : trimmed.split("/")) {
      MoRef next = null;
      for (MoRef child : children(current)) {
        if (name.equals(object(child).value("name").text())) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
    return current;
  }
}
