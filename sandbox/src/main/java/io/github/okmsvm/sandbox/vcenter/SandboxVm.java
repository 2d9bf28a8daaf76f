package io.github.okmsvm.sandbox.vcenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A VM of the sandbox inventory: power, snapshots, the home's and each disk's key and storage policy. */
final class SandboxVm {
  final String id;
  final String name;
  final String folderId;
  String powerState;
  boolean hasSnapshot;
  String homeKeyId;
  String homeProvider;
  String homeProfile;
  final List<Disk> disks = new ArrayList<>();
  /** {@code config.extraConfig}: advanced settings by key. */
  final Map<String, String> extraConfig = new TreeMap<>();
  /** {@code config.migrateEncryption}: vCenter's default for a new VM. */
  String migrateEncryption = "opportunistic";
  /** {@code config.ftEncryptionMode}: vCenter's default for a new VM. */
  String ftEncryptionMode = "ftEncryptionOpportunistic";
  /** Whether the VM has a virtual TPM device. */
  boolean vtpm;
  /** {@code config.changeVersion}: changes with every reconfigure, for optimistic concurrency. */
  String changeVersion = java.time.Instant.now().toString();
  long reconfigurations;

  SandboxVm(String id, String name, String folderId, String powerState, int diskCount) {
    this.id = id;
    this.name = name;
    this.folderId = folderId;
    this.powerState = powerState;
    for (int i = 0; i < diskCount; i++) {
      disks.add(new Disk(2000 + i, "Hard disk " + (i + 1), "[datastore1] " + name + "/" + name
          + (i == 0 ? "" : "_" + i) + ".vmdk"));
    }
  }

  /** A virtual disk. */
  static final class Disk {
    final int key;
    final String label;
    final String fileName;
    String keyId;
    String provider;
    String profile;

    Disk(int key, String label, String fileName) {
      this.key = key;
      this.label = label;
      this.fileName = fileName;
    }
  }
}
