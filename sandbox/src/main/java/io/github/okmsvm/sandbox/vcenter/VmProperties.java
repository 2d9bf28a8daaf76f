package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A sandbox VM's properties written as vim25 values, for the PropertyCollector. */
final class VmProperties {
  private VmProperties() {}

  /** The paths read most (every sweep of the inventory), answered without building the whole top-level value. */
  private static final Set<String> DIRECT = Set.of("name", "runtime.powerState", "runtime.cryptoState",
      "snapshot", "config.keyId", "config.hardware.device", "config.changeVersion", "config.extraConfig",
      "config.migrateEncryption", "config.ftEncryptionMode");

  /** The VM as a managed object: its direct paths, or any other path walked down from its top-level value. */
  static VimObject object(SandboxVm vm) {
    MoRef ref = new MoRef("VirtualMachine", vm.id);
    return new VimObject() {
      @Override
      public MoRef ref() {
        return ref;
      }

      @Override
      public XmlElement value(String path) {
        if (DIRECT.contains(path) || path.startsWith("config.extraConfig[\"")) {
          return of(vm, path);
        }
        return VimObject.super.value(path);
      }

      @Override
      public XmlElement property(String name) {
        synchronized (vm) {
          return topLevel(vm, name);
        }
      }
    };
  }

  private static XmlElement topLevel(SandboxVm vm, String name) {
    MoRef ref = new MoRef("VirtualMachine", vm.id);
    return switch (name) {
      case "parent" -> VimObject.ref(new MoRef("Folder", vm.folderId));
      case "resourcePool" -> VimObject.ref(Inventory.POOL);
      case "datastore" -> VimObject.refs(List.of(Inventory.DATASTORE));
      case "network" -> VimObject.refs(List.of(Inventory.NETWORK));
      case "snapshot" -> of(vm, "snapshot");
      case "runtime" -> runtime("val", vm).typed("VirtualMachineRuntimeInfo");
      case "guest" -> guest("val", vm).typed("GuestInfo");
      case "config" -> config(vm);
      case "summary" -> XmlElement.of("val", XmlElement.moRef("vm", ref), runtime("runtime", vm),
          guest("guest", vm).renamed("guest"),
          XmlElement.of("config", VimObject.string("name", vm.name), VimObject.bool("template", false),
              VimObject.string("vmPathName", vmPathName(vm)), XmlElement.text("memorySizeMB", 4096),
              XmlElement.text("numCpu", 2), XmlElement.text("numEthernetCards", 1),
              XmlElement.text("numVirtualDisks", vm.disks.size()), XmlElement.text("uuid", uuid(vm, "4201")),
              XmlElement.text("instanceUuid", uuid(vm, "5001")), XmlElement.text("guestId", "otherLinux64Guest"),
              XmlElement.text("guestFullName", "Other Linux (64-bit)")),
          XmlElement.of("storage", XmlElement.text("committed", 17_179_869_184L * vm.disks.size()),
              XmlElement.text("uncommitted", 0), XmlElement.text("unshared", 17_179_869_184L * vm.disks.size()),
              XmlElement.text("timestamp", "2026-01-01T00:00:00Z")),
          XmlElement.of("quickStats", XmlElement.text("overallCpuUsage", 0), XmlElement.text("guestMemoryUsage", 0),
              XmlElement.text("uptimeSeconds", 0), XmlElement.text("guestHeartbeatStatus", "gray")),
          XmlElement.text("overallStatus", "green")).typed("VirtualMachineSummary");
      default -> Inventory.common(name, vm.name, new MoRef("Folder", vm.folderId));
    };
  }

  private static XmlElement config(SandboxVm vm) {
    List<XmlElement> fields = new ArrayList<>();
    fields.add(XmlElement.text("changeVersion", vm.changeVersion));
    fields.add(XmlElement.text("modified", "1970-01-01T00:00:00Z"));
    fields.add(VimObject.string("name", vm.name));
    fields.add(XmlElement.text("guestFullName", "Other Linux (64-bit)"));
    fields.add(XmlElement.text("version", "vmx-19"));
    fields.add(XmlElement.text("uuid", uuid(vm, "4201")));
    fields.add(XmlElement.text("instanceUuid", uuid(vm, "5001")));
    fields.add(VimObject.bool("template", false));
    fields.add(XmlElement.text("guestId", "otherLinux64Guest"));
    fields.add(XmlElement.of("files", XmlElement.text("vmPathName", vmPathName(vm))));
    fields.add(hardware(vm));
    fields.addAll(repeated(of(vm, "config.extraConfig"), "extraConfig"));
    if (vm.homeKeyId != null) {
      fields.add(key("keyId", vm.homeKeyId, vm.homeProvider));
    }
    fields.add(XmlElement.text("migrateEncryption", vm.migrateEncryption));
    fields.add(XmlElement.text("ftEncryptionMode", vm.ftEncryptionMode));
    return XmlElement.of("val", fields).typed("VirtualMachineConfigInfo");
  }

  /** Inside a data object an array is its field repeated, one element per item, each with its own type. */
  private static List<XmlElement> repeated(XmlElement array, String field) {
    return array.children().stream().map(item -> item.renamed(field)).toList();
  }

  private static XmlElement hardware(SandboxVm vm) {
    List<XmlElement> fields = new ArrayList<>(List.of(XmlElement.text("numCPU", 2),
        XmlElement.text("numCoresPerSocket", 1), XmlElement.text("memoryMB", 4096)));
    fields.addAll(repeated(devices(vm), "device"));
    return XmlElement.of("hardware", fields);
  }

  private static XmlElement runtime(String name, SandboxVm vm) {
    return XmlElement.of(name, XmlElement.moRef("host", Inventory.HOST),
        XmlElement.text("connectionState", "connected"), XmlElement.text("powerState", vm.powerState),
        vm.homeKeyId == null ? null : XmlElement.text("cryptoState", "unlocked"),
        XmlElement.text("faultToleranceState", "notConfigured"), XmlElement.text("toolsInstallerMounted", false),
        XmlElement.text("maxCpuUsage", 4800), XmlElement.text("maxMemoryUsage", 4096),
        XmlElement.text("numMksConnections", 0), XmlElement.text("consolidationNeeded", false),
        XmlElement.text("onlineStandby", false));
  }

  private static XmlElement guest(String name, SandboxVm vm) {
    boolean running = vm.powerState.equals("poweredOn");
    return XmlElement.of(name, XmlElement.text("toolsStatus", running ? "toolsOk" : "toolsNotRunning"),
        XmlElement.text("toolsRunningStatus", running ? "guestToolsRunning" : "guestToolsNotRunning"),
        XmlElement.text("guestId", "otherLinux64Guest"), XmlElement.text("guestFullName", "Other Linux (64-bit)"),
        XmlElement.text("guestState", running ? "running" : "notRunning"));
  }

  private static String vmPathName(SandboxVm vm) {
    return "[datastore1] " + vm.name + "/" + vm.name + ".vmx";
  }

  /** A stable UUID per VM, from its id. */
  private static String uuid(SandboxVm vm, String prefix) {
    String digits = String.format("%012d", Long.parseLong(vm.id.replaceAll("\\D", "")));
    return prefix + "1234-5678-9abc-def0-" + digits;
  }

  /** The value of {@code path} for {@code vm}, or null when vCenter would leave it unset. */
  static XmlElement of(SandboxVm vm, String path) {
    synchronized (vm) {
      switch (path) {
        case "name":
          return XmlElement.text("val", vm.name).typed("xsd:string");
        case "runtime.powerState":
          return XmlElement.text("val", vm.powerState).typed("VirtualMachinePowerState");
        case "snapshot":
          return vm.hasSnapshot ? XmlElement.of("val", XmlElement.moRef("currentSnapshot",
              new MoRef("VirtualMachineSnapshot", vm.id + "-snapshot-1")),
              XmlElement.of("rootSnapshotList", XmlElement.moRef("snapshot",
                  new MoRef("VirtualMachineSnapshot", vm.id + "-snapshot-1")),
                  XmlElement.moRef("vm", new MoRef("VirtualMachine", vm.id)),
                  XmlElement.text("name", "before-upgrade"), XmlElement.text("description", ""),
                  XmlElement.text("id", 1), XmlElement.text("createTime", "2026-01-01T00:00:00Z"),
                  XmlElement.text("state", vm.powerState), XmlElement.text("quiesced", false)))
              .typed("VirtualMachineSnapshotInfo") : null;
        case "runtime.cryptoState":
          // vim25 VirtualMachineCryptoState: set for an encrypted VM, "unlocked" while its keys are on the host
          return vm.homeKeyId == null ? null : XmlElement.text("val", "unlocked").typed("VirtualMachineCryptoState");
        case "config.keyId":
          return vm.homeKeyId == null ? null : key("val", vm.homeKeyId, vm.homeProvider);
        case "config.hardware.device":
          return devices(vm);
        case "config.changeVersion":
          return XmlElement.text("val", vm.changeVersion).typed("xsd:string");
        case "config.migrateEncryption":
          return XmlElement.text("val", vm.migrateEncryption).typed("xsd:string");
        case "config.ftEncryptionMode":
          return XmlElement.text("val", vm.ftEncryptionMode).typed("xsd:string");
        case "config.extraConfig":
          return XmlElement.of("val", vm.extraConfig.entrySet().stream()
              .map(entry -> option("OptionValue", entry.getKey(), entry.getValue())).toList())
              .typed("ArrayOfOptionValue");
        default:
          return extraConfigEntry(vm, path);
      }
    }
  }

  /** {@code config.extraConfig["key"]}: one advanced setting by its key, as vCenter's keyed property paths allow. */
  private static XmlElement extraConfigEntry(SandboxVm vm, String path) {
    String prefix = "config.extraConfig[\"";
    if (!path.startsWith(prefix) || !path.endsWith("\"]")) {
      return null;
    }
    String key = path.substring(prefix.length(), path.length() - 2);
    String value = vm.extraConfig.get(key);
    return value == null ? null : option("val", key, value);
  }

  private static XmlElement option(String name, String key, String value) {
    return XmlElement.of(name, XmlElement.text("key", key), XmlElement.text("value", value).typed("xsd:string"))
        .typed("OptionValue");
  }

  private static XmlElement key(String name, String keyId, String provider) {
    return XmlElement.of(name, XmlElement.text("keyId", keyId),
        provider == null ? null : XmlElement.of("providerId", XmlElement.text("id", provider))).typed("CryptoKeyId");
  }

  private static XmlElement devices(SandboxVm vm) {
    List<XmlElement> devices = new ArrayList<>();
    devices.add(XmlElement.of("VirtualDevice", XmlElement.text("key", 1000), XmlElement.of("deviceInfo",
        XmlElement.text("label", "SCSI controller 0"), XmlElement.text("summary", "VMware paravirtual SCSI")),
        XmlElement.text("busNumber", 0), XmlElement.text("sharedBus", "noSharing"))
        .typed("ParaVirtualSCSIController"));
    int unit = 0;
    for (SandboxVm.Disk disk : vm.disks) {
      devices.add(XmlElement.of("VirtualDevice", XmlElement.text("key", disk.key),
          XmlElement.of("deviceInfo", XmlElement.text("label", disk.label), XmlElement.text("summary",
              "16,777,216 KB")),
          XmlElement.of("backing", XmlElement.text("fileName", disk.fileName),
              XmlElement.text("diskMode", "persistent"), XmlElement.text("thinProvisioned", true),
              disk.keyId == null ? null : key("keyId", disk.keyId, disk.provider))
              .typed("VirtualDiskFlatVer2BackingInfo"),
          XmlElement.text("controllerKey", 1000), XmlElement.text("unitNumber", unit++),
          XmlElement.text("capacityInKB", 16_777_216L)).typed("VirtualDisk"));
    }
    if (vm.vtpm) {
      devices.add(XmlElement.of("VirtualDevice", XmlElement.text("key", 11000), XmlElement.of("deviceInfo",
          XmlElement.text("label", "Virtual TPM"), XmlElement.text("summary", "Virtual TPM")))
          .typed("VirtualTPM"));
    }
    return XmlElement.of("val", devices).typed("ArrayOfVirtualDevice");
  }
}
