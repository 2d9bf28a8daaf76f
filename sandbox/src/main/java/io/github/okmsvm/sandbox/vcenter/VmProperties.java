package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A sandbox VM's properties written as vim25 values, for the PropertyCollector. */
final class VmProperties {
  private VmProperties() {}

  /** The VirtualMachine property paths the sandbox models, besides keyed {@code config.extraConfig["key"]}. */
  static final java.util.Set<String> PATHS = java.util.Set.of("name", "runtime.powerState", "runtime.cryptoState",
      "snapshot", "config.keyId", "config.hardware.device", "config.changeVersion", "config.extraConfig");

  /** Whether vCenter knows {@code path} on a VirtualMachine, as far as the sandbox models it. */
  static boolean known(String path) {
    return PATHS.contains(path) || (path.startsWith("config.extraConfig[\"") && path.endsWith("\"]"));
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
              new io.github.okmsvm.core.vsphere.MoRef("VirtualMachineSnapshot", vm.id + "-snapshot-1")),
              XmlElement.of("rootSnapshotList", XmlElement.moRef("snapshot",
                  new io.github.okmsvm.core.vsphere.MoRef("VirtualMachineSnapshot", vm.id + "-snapshot-1")),
                  XmlElement.moRef("vm", new io.github.okmsvm.core.vsphere.MoRef("VirtualMachine", vm.id)),
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
    return XmlElement.of("val", devices).typed("ArrayOfVirtualDevice");
  }
}
