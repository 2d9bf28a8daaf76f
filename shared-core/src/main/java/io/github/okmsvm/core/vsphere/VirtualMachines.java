package io.github.okmsvm.core.vsphere;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Finds VMs, reads their encryption state in pages, powers them, and applies a storage policy to home and disks. */
public final class VirtualMachines {
  /**
   * The advanced setting ({@code extraConfig}) this tool sets on a VM before powering it off and removes once the VM
   * runs again: the VM itself remembers, whatever happens to the run in between.
   */
  public static final String POWERED_OFF_MARKER = "okmsvm.poweredOff";
  private static final String MARKER_PATH = "config.extraConfig[\"" + POWERED_OFF_MARKER + "\"]";

  /** The properties encryption depends on; the marker by its key alone (a VM has many advanced settings). */
  public static final List<String> STATE_PATHS = List.of("name", "runtime.powerState", "snapshot", "config.keyId",
      "config.hardware.device", MARKER_PATH, "config.changeVersion", "config.migrateEncryption",
      "config.ftEncryptionMode");

  private final VimClient client;
  private final PropertyCollector collector;
  private final TaskWaiter tasks;

  public VirtualMachines(VimClient client) {
    this.client = client;
    this.collector = new PropertyCollector(client);
    this.tasks = new TaskWaiter(client);
  }

  /** Every VM below {@code container} (the root folder when null), {@code maxObjects} per round trip. */
  public List<VmState> list(MoRef container, int maxObjects) {
    List<VmState> states = new ArrayList<>();
    each(container, maxObjects, true, states::add);
    return states;
  }

  /**
   * Every VM below {@code container} (the root folder when null) given to {@code each} page by page, so that only
   * what the caller keeps stays in memory. Without {@code devices}, each disk's device as read is left out (a
   * reconfigure needs it, a judgement does not) and the VM holds only what its encryption state says.
   */
  public void each(MoRef container, int maxObjects, boolean devices, Consumer<VmState> each) {
    Map<String, String> shared = new HashMap<>();
    collector.retrieveEach(container == null ? client.serviceContent().rootFolder() : container, "VirtualMachine",
        STATE_PATHS, maxObjects, object -> each.accept(state(object.ref(), object.properties(), devices, shared)));
  }

  /** The VM named {@code name}, anywhere in the inventory. */
  public Optional<VmState> findByName(String name, int maxObjects) {
    List<PropertyCollector.ObjectContent> named = collector.retrieveAll(client.serviceContent().rootFolder(),
        "VirtualMachine", List.of("name"), maxObjects);
    return named.stream().filter(object -> name.equals(object.text("name"))).findFirst()
        .map(object -> read(object.ref()));
  }

  /** The object at an inventory path such as {@code DC0/vm/folder/vm-name}, if any. */
  public Optional<MoRef> findByInventoryPath(String inventoryPath) {
    return client.invoke("FindByInventoryPath", client.serviceContent().searchIndex(),
        XmlElement.text("inventoryPath", inventoryPath)).child("returnval").map(XmlElement::asMoRef);
  }

  /** Every VM in the folder at {@code folderPath} (such as {@code DC0/vm/prod}), recursively. */
  public List<VmState> inFolder(String folderPath, int maxObjects) {
    return list(folder(folderPath), maxObjects);
  }

  /** The folder at {@code folderPath} (such as {@code DC0/vm/prod}). */
  public MoRef folder(String folderPath) {
    return findByInventoryPath(folderPath).orElseThrow(() -> new VimException("no folder at inventory path '"
        + folderPath + "': write it as <datacenter>/vm/<folder>, for example DC0/vm/prod"));
  }

  public VmState read(MoRef vm) {
    return state(vm, collector.retrieveOne(vm, STATE_PATHS), true, new HashMap<>());
  }

  public void powerOff(MoRef vm, Duration timeout, Consumer<Duration> waiting) {
    MoRef task = client.invoke("PowerOffVM_Task", vm).child("returnval").orElseThrow().asMoRef();
    tasks.await(task, "power off " + vm.value(), timeout, waiting);
  }

  public void powerOn(MoRef vm, Duration timeout, Consumer<Duration> waiting) {
    MoRef task = client.invoke("PowerOnVM_Task", vm).child("returnval").orElseThrow().asMoRef();
    tasks.await(task, "power on " + vm.value(), timeout, waiting);
  }

  /** Asks the guest OS to shut down (needs VMware Tools); returns at once, the VM powers off later. */
  public void shutdownGuest(MoRef vm) {
    client.invoke("ShutdownGuest", vm);
  }

  /**
   * Applies storage policy {@code profileId} to the VM home and to every disk of {@code state} in one
   * ReconfigVM_Task, and waits for it. With an encryption policy this encrypts the VM.
   */
  public void applyPolicy(VmState state, String profileId, Duration timeout, Consumer<Duration> waiting) {
    applyPolicy(state, profileId, null, timeout, waiting);
  }

  /** As above, setting the encrypted vMotion mode ({@code migrateEncryption}) in the same change unless null. */
  public void applyPolicy(VmState state, String profileId, String migrateEncryption, Duration timeout,
      Consumer<Duration> waiting) {
    List<XmlElement> spec = new ArrayList<>();
    spec.add(changeVersion(state));
    for (VmState.Disk disk : state.disks()) {
      spec.add(XmlElement.of("deviceChange", XmlElement.text("operation", "edit"),
          disk.device().renamed("device"), profile(profileId, "profile")));
    }
    spec.add(profile(profileId, "vmProfile"));
    // after vmProfile: vim25's VirtualMachineConfigSpec is a sequence
    spec.add(migrateEncryption == null ? null : XmlElement.text("migrateEncryption", migrateEncryption));
    MoRef task = client.invoke("ReconfigVM_Task", state.ref(), XmlElement.of("spec", spec)).child("returnval")
        .orElseThrow().asMoRef();
    tasks.await(task, "reconfigure " + state.name(), timeout, waiting);
  }

  /**
   * Re-keys the VM home and every disk of {@code state} to {@code newKey} in one ReconfigVM_Task, and waits for it:
   * shallow (a new key-encryption key; the VM may run) or {@code deep} (new data keys, the disks rewritten; vCenter
   * needs the VM off and without snapshots). The home's key is set by the VM's {@code crypto}, each disk's by its own
   * {@code backing.crypto}, as PowerCLI's {@code Set-VMEncryptionKey} does.
   */
  public void recrypt(VmState state, VmState.CryptoKey newKey, boolean deep, Duration timeout,
      Consumer<Duration> waiting) {
    List<XmlElement> spec = new ArrayList<>();
    spec.add(changeVersion(state));
    for (VmState.Disk disk : state.disks()) {
      spec.add(XmlElement.of("deviceChange", XmlElement.text("operation", "edit"), disk.device().renamed("device"),
          XmlElement.of("backing", recryptSpec("crypto", newKey, deep)).typed("VirtualDeviceConfigSpecBackingSpec")));
    }
    spec.add(recryptSpec("crypto", newKey, deep));
    MoRef task = client.invoke("ReconfigVM_Task", state.ref(), XmlElement.of("spec", spec)).child("returnval")
        .orElseThrow().asMoRef();
    tasks.await(task, (deep ? "deep" : "shallow") + " re-key of " + state.name(), timeout, waiting);
  }

  private static XmlElement recryptSpec(String name, VmState.CryptoKey newKey, boolean deep) {
    return XmlElement.of(name, XmlElement.of("newKeyId", XmlElement.text("keyId", newKey.keyId()),
        XmlElement.of("providerId", XmlElement.text("id", newKey.providerId())).typed("KeyProviderId"))
        .typed("CryptoKeyId")).typed(deep ? "CryptoSpecDeepRecrypt" : "CryptoSpecShallowRecrypt");
  }

  /** Sets the encrypted vMotion mode of a VM ({@code disabled}, {@code opportunistic}, {@code required}). */
  public void setMigrateEncryption(VmState state, String mode, Duration timeout, Consumer<Duration> waiting) {
    MoRef task = client.invoke("ReconfigVM_Task", state.ref(), XmlElement.of("spec", changeVersion(state),
        XmlElement.text("migrateEncryption", mode))).child("returnval").orElseThrow().asMoRef();
    tasks.await(task, "encrypted vMotion of " + state.name(), timeout, waiting);
  }

  /** Sets the power-off marker ({@code value}: when and why), or removes it when {@code value} is null. */
  public void mark(VmState state, String value, Duration timeout, Consumer<Duration> waiting) {
    // vSphere removes an advanced setting given an empty value
    XmlElement option = XmlElement.of("extraConfig", XmlElement.text("key", POWERED_OFF_MARKER),
        XmlElement.text("value", value == null ? "" : value).typed("xsd:string")).typed("OptionValue");
    MoRef task = client.invoke("ReconfigVM_Task", state.ref(), XmlElement.of("spec", changeVersion(state), option))
        .child("returnval").orElseThrow().asMoRef();
    tasks.await(task, (value == null ? "unmark " : "mark ") + state.name(), timeout, waiting);
  }

  /**
   * The {@code changeVersion} the change is based on: vCenter refuses it (ConcurrentAccess) when the VM was
   * reconfigured since it was read, so that two runs never both act on what one of them read.
   */
  private static XmlElement changeVersion(VmState state) {
    return state.changeVersion() == null ? null : XmlElement.text("changeVersion", state.changeVersion());
  }

  private static XmlElement profile(String profileId, String name) {
    return XmlElement.of(name, XmlElement.text("profileId", profileId)).typed("VirtualMachineDefinedProfileSpec");
  }

  /**
   * The state of one VM; without {@code withDevices}, lean: no device trees, no change version (both only a reconfigure
   * needs). The texts many VMs repeat (power state,
   * key provider, disk label, vMotion modes) are held once through {@code shared}, and a key the home and the disks
   * share once per VM.
   */
  private static VmState state(MoRef ref, Map<String, XmlElement> properties, boolean withDevices,
      Map<String, String> shared) {
    List<VmState.Disk> disks = new ArrayList<>();
    Map<String, String> keyIds = new HashMap<>(4);
    boolean vtpm = false;
    XmlElement devices = properties.get("config.hardware.device");
    if (devices != null) {
      for (XmlElement device : devices.children()) {
        vtpm |= "VirtualTPM".equals(device.xsiType());
        if ("VirtualDisk".equals(device.xsiType())) {
          XmlElement backing = device.child("backing").orElse(null);
          disks.add(new VmState.Disk(Integer.parseInt(device.childText("key")),
              shared.computeIfAbsent(device.path("deviceInfo.label").map(XmlElement::text)
                  .orElse("disk " + device.childText("key")), text -> text),
              backing == null || !withDevices ? null : backing.childText("fileName"),
              backing == null ? null : lean(VmState.CryptoKey.from(backing.child("keyId").orElse(null)), keyIds, shared),
              withDevices ? device : null));
        }
      }
    }
    XmlElement name = properties.get("name");
    XmlElement power = properties.get("runtime.powerState");
    return new VmState(withDevices ? ref : new MoRef(shared.computeIfAbsent(ref.type(), text -> text), ref.value()),
        name == null ? ref.value() : name.text(), power == null ? "unknown"
        : shared.computeIfAbsent(power.text(), text -> text), properties.containsKey("snapshot"),
        lean(VmState.CryptoKey.from(properties.get("config.keyId")), keyIds, shared), disks,
        Optional.ofNullable(properties.get(MARKER_PATH)).map(option -> option.childText("value")).orElse(null),
        withDevices ? Optional.ofNullable(properties.get("config.changeVersion")).map(XmlElement::text).orElse(null)
            : null,
        new VmState.Protection(text(properties, "config.migrateEncryption", shared), text(properties,
            "config.ftEncryptionMode", shared), vtpm));
  }

  /** {@code key} with its texts held once: its id among the VM's keys, its provider among all. */
  private static VmState.CryptoKey lean(VmState.CryptoKey key, Map<String, String> keyIds,
      Map<String, String> shared) {
    if (key == null) {
      return null;
    }
    return new VmState.CryptoKey(keyIds.computeIfAbsent(key.keyId(), text -> text),
        key.providerId() == null ? null : shared.computeIfAbsent(key.providerId(), text -> text));
  }

  private static String text(Map<String, XmlElement> properties, String path, Map<String, String> shared) {
    return Optional.ofNullable(properties.get(path)).map(XmlElement::text)
        .map(text -> shared.computeIfAbsent(text, same -> same)).orElse(null);
  }
}
