package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox inventory: root folder {@code group-d1} → datacenter {@code DC0} → VM folder {@code DC0/vm} with VMs,
 * and optional sub-folders. VMs are named {@code vm-0001}, … unless named explicitly.
 */
final class Inventory {
  static final String ROOT = "group-d1";
  static final String DATACENTER = "datacenter-2";
  static final String VM_FOLDER = "group-v3";

  final Map<String, String> folderNames = new LinkedHashMap<>();
  final Map<String, String> folderParents = new LinkedHashMap<>();
  final Map<String, SandboxVm> vms = new LinkedHashMap<>();
  private int nextId = 100;

  Inventory() {
    folderNames.put(VM_FOLDER, "vm");
    folderParents.put(VM_FOLDER, DATACENTER);
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

  /** The VMs below {@code containerId} (root, datacenter or folder), recursively, in creation order. */
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

  synchronized List<SandboxVm> vmsBelow(String containerId) {
    List<SandboxVm> found = new ArrayList<>();
    for (SandboxVm vm : vms.values()) {
      if (containerId.equals(ROOT) || containerId.equals(DATACENTER) || isBelow(vm.folderId, containerId)) {
        found.add(vm);
      }
    }
    return found;
  }

  private boolean isBelow(String folderId, String containerId) {
    for (String current = folderId; current != null; current = folderParents.get(current)) {
      if (current.equals(containerId)) {
        return true;
      }
    }
    return false;
  }

  /** The type and id at {@code DC0}, {@code DC0/vm}, {@code DC0/vm/<folder>}[/…]/{@code <vm>}, or null. */
  synchronized String[] find(String inventoryPath) {
    String[] parts = inventoryPath.replaceAll("^/+|/+$", "").split("/");
    if (parts.length == 0 || !parts[0].equals("DC0")) {
      return null;
    }
    if (parts.length == 1) {
      return new String[] {"Datacenter", DATACENTER};
    }
    if (!parts[1].equals("vm")) {
      return null;
    }
    String folder = VM_FOLDER;
    for (int i = 2; i < parts.length; i++) {
      String next = childFolder(folder, parts[i]);
      if (next != null) {
        folder = next;
        continue;
      }
      if (i == parts.length - 1) {
        for (SandboxVm vm : vms.values()) {
          if (vm.folderId.equals(folder) && vm.name.equals(parts[i])) {
            return new String[] {"VirtualMachine", vm.id};
          }
        }
      }
      return null;
    }
    return new String[] {"Folder", folder};
  }

  private String childFolder(String parent, String name) {
    for (Map.Entry<String, String> entry : folderNames.entrySet()) {
      if (entry.getValue().equals(name) && parent.equals(folderParents.get(entry.getKey()))) {
        return entry.getKey();
      }
    }
    return null;
  }
}
