package io.github.okmsvm.sandbox.vcenter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.SoapCodec;
import io.github.okmsvm.core.vsphere.XmlElement;
import io.github.okmsvm.sandbox.Exchanges;
import io.github.okmsvm.sandbox.Fault;
import io.github.okmsvm.sandbox.Faults;
import io.github.okmsvm.sandbox.RequestCounters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The vCenter of the sandbox over HTTPS on loopback: vim25 SOAP on {@code /sdk} and SPBM on {@code /pbm}. It keeps
 * sessions, pages PropertyCollector answers, runs tasks for a set duration, encrypts VMs only in the states vCenter
 * allows, and answers vCenter's faults. Knobs: latency, task duration, faults and counters by method.
 */
public final class VcenterServer implements AutoCloseable {
  static final String VIM25 = "urn:vim25";
  static final String PBM = "urn:pbm";
  private static final String COOKIE = "vmware_soap_session";

  private final HttpsServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService guestShutdowns;
  private final String username;
  private final Secret password;
  private final Inventory inventory;
  private final KeyProviders keyProviders = new KeyProviders("vcenter.okms-sandbox.invalid");
  private final VcenterKeys keys = new VcenterKeys(keyProviders, "8.0.3 build-24322831");
  private final StorageProfiles profiles = new StorageProfiles();
  private final SandboxTasks tasks = new SandboxTasks();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final Map<String, List<String>> views = new ConcurrentHashMap<>();
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);
  private final Faults faults = new Faults();
  private final RequestCounters counters = new RequestCounters();
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration taskDuration = Duration.ofMillis(200);
  private volatile Duration guestShutdownDelay = Duration.ofMillis(300);
  private volatile ConnectedCache connected;

  private record Page(String type, List<String> paths, List<String> remaining, int maxObjects) {}

  private record ConnectedCache(String providerId, Instant until) {}

  static {
    Exchanges.noDelay();
  }

  VcenterServer(SSLContext tls, String username, Secret password, Inventory inventory) throws IOException {
    this.username = username;
    this.password = password;
    this.inventory = inventory;
    this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    this.executor = Executors.newFixedThreadPool(16, runnable -> {
      Thread thread = new Thread(runnable, "sandbox-vcenter");
      thread.setDaemon(true);
      return thread;
    });
    this.guestShutdowns = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sandbox-vcenter-guest");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/sdk", exchange -> handle(exchange, VIM25));
    server.createContext("/pbm", exchange -> handle(exchange, PBM));
  }

  void start() {
    server.start();
  }

  public URI sdkUrl() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/sdk");
  }

  public Faults faults() {
    return faults;
  }

  /** Calls per SOAP method, such as {@code RetrievePropertiesEx}. */
  public RequestCounters counters() {
    return counters;
  }

  public void latency(Duration perCall) {
    this.latency = perCall;
  }

  /** How long every task (power, reconfigure, status) runs before it ends. */
  /** Waits until every task started so far has ended, as a run that comes later would find vCenter. */
  public void awaitTasks(Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (tasks.busy()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("vCenter tasks still running after " + limit.toMillis() + " ms");
      }
      Thread.sleep(10);
    }
  }

  /** What stands between this vCenter and its KMSs: a PCC's firewall, or nothing. */
  public void kmsNetwork(KmsNetwork network) {
    keyProviders.network(network);
    connected = null;
  }

  public void taskDuration(Duration duration) {
    this.taskDuration = duration;
  }

  public void guestShutdownDelay(Duration delay) {
    this.guestShutdownDelay = delay;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    guestShutdowns.shutdownNow();
    tasks.close();
  }

  private void handle(HttpExchange exchange, String namespace) throws IOException {
    try (exchange) {
      byte[] body = Exchanges.readBody(exchange, latency);
      XmlElement envelope;
      XmlElement request;
      try {
        envelope = SoapCodec.parse(body);
        request = envelope.child("Body").orElseThrow().children().get(0);
      } catch (RuntimeException e) {
        send(exchange, 500, SoapCodec.faultEnvelope(namespace, "InvalidRequest", "Unable to parse the request"),
            null);
        return;
      }
      String method = request.name();
      counters.increment(method);
      Fault fault = faults.next(method);
      if (fault instanceof Fault.Reset) {
        return;
      }
      if (fault instanceof Fault.Stall stall) {
        Exchanges.pause(stall.duration());
        return;
      }
      if (fault instanceof Fault.ServerError || fault instanceof Fault.TooManyRequests) {
        send(exchange, 500, SoapCodec.faultEnvelope(namespace, "SystemError", "A general system error occurred:"
            + " injected fault"), null);
        return;
      }
      String newSession = null;
      try {
        List<XmlElement> returned;
        if (method.equals("RetrieveServiceContent")) {
          returned = List.of(serviceContent());
        } else if (method.equals("Login")) {
          newSession = login(request);
          returned = List.of(XmlElement.of("returnval", XmlElement.text("key", newSession),
              XmlElement.text("userName", username), XmlElement.text("fullName", username),
              XmlElement.text("loginTime", Instant.now().toString()),
              XmlElement.text("lastActiveTime", Instant.now().toString()), XmlElement.text("locale", "en"),
              XmlElement.text("messageLocale", "en")));
        } else {
          String session = session(exchange, envelope);
          if (session == null || !sessions.contains(session)) {
            throw new SoapFault("NotAuthenticated", "The session is not authenticated.");
          }
          returned = namespace.equals(PBM) ? pbm(method, request) : vim(method, request, session);
        }
        if (fault instanceof Fault.LoseAnswer) {
          return; // applied, but the client never learns it
        }
        String response = SoapCodec.envelope(namespace, null, XmlElement.of(method + "Response", returned));
        send(exchange, 200, response, newSession);
      } catch (SoapFault e) {
        send(exchange, 500, SoapCodec.faultEnvelope(namespace, e.type, e.getMessage(), e.fields), null);
      }
    }
  }

  private String login(XmlElement request) {
    String user = request.childText("userName");
    String pass = request.childText("password");
    if (!username.equals(user) || pass == null || !password.reveal().equals(pass)) {
      throw new SoapFault("InvalidLogin", "Cannot complete login due to an incorrect user name or password.");
    }
    String session = UUID.randomUUID().toString();
    sessions.add(session);
    return session;
  }

  private static String session(HttpExchange exchange, XmlElement envelope) {
    String header = envelope.child("Header").flatMap(h -> h.child("vcSessionCookie")).map(XmlElement::text)
        .orElse(null);
    if (header != null) {
      return header;
    }
    String cookies = exchange.getRequestHeaders().getFirst("Cookie");
    if (cookies == null) {
      return null;
    }
    for (String cookie : cookies.split(";")) {
      String trimmed = cookie.strip();
      if (trimmed.startsWith(COOKIE + "=")) {
        return trimmed.substring(COOKIE.length() + 1).replace("\"", "");
      }
    }
    return null;
  }

  private XmlElement serviceContent() {
    return XmlElement.of("returnval",
        XmlElement.moRef("rootFolder", new MoRef("Folder", Inventory.ROOT)),
        XmlElement.moRef("propertyCollector", new MoRef("PropertyCollector", "propertyCollector")),
        XmlElement.moRef("viewManager", new MoRef("ViewManager", "ViewManager")),
        XmlElement.of("about", XmlElement.text("name", "VMware vCenter Server"),
            XmlElement.text("fullName", "VMware vCenter Server 8.0.3 build-24322831 (okms-sandbox)"),
            XmlElement.text("vendor", "VMware, Inc."), XmlElement.text("version", "8.0.3"),
            XmlElement.text("build", "24322831"), XmlElement.text("localeVersion", "INTL"),
            XmlElement.text("localeBuild", "000"), XmlElement.text("osType", "linux-x64"),
            XmlElement.text("productLineId", "vpx"), XmlElement.text("apiType", "VirtualCenter"),
            XmlElement.text("apiVersion", "8.0.3.0"), XmlElement.text("instanceUuid", "okms-sandbox-vcenter")),
        XmlElement.moRef("sessionManager", new MoRef("SessionManager", "SessionManager")),
        XmlElement.moRef("searchIndex", new MoRef("SearchIndex", "SearchIndex")),
        XmlElement.moRef("cryptoManager", new MoRef("CryptoManagerKmip", "CryptoManager")));
  }

  private List<XmlElement> vim(String method, XmlElement request, String session) {
    switch (method) {
      case "Logout":
        sessions.remove(session);
        return List.of();
      case "CreateContainerView": {
        String container = request.childText("container");
        String type = request.childText("type");
        if (!"VirtualMachine".equals(type)) {
          throw SoapFault.invalidArgument("type");
        }
        String id = "session[" + session.substring(0, 8) + "]view-" + ids.getAndIncrement();
        views.put(id, inventory.vmsBelow(container).stream().map(vm -> vm.id).toList());
        return List.of(XmlElement.moRef("returnval", new MoRef("ContainerView", id)));
      }
      case "DestroyView":
        views.remove(request.childText("_this"));
        return List.of();
      case "RetrievePropertiesEx":
        return retrieve(request);
      case "ContinueRetrievePropertiesEx": {
        Page page = pages.remove(request.childText("token"));
        if (page == null) {
          throw SoapFault.invalidArgument("token");
        }
        return page(page);
      }
      case "FindByInventoryPath": {
        String[] found = inventory.find(request.childText("inventoryPath"));
        return found == null ? List.of() : List.of(XmlElement.moRef("returnval", new MoRef(found[0], found[1])));
      }
      case "PowerOffVM_Task":
        return task("PowerOffVM_Task", request, vm -> setPower(vm, "poweredOff"));
      case "PowerOnVM_Task":
        return task("PowerOnVM_Task", request, vm -> setPower(vm, "poweredOn"));
      case "ShutdownGuest":
        return shutdownGuest(inventory.vm(request.childText("_this")));
      case "ReconfigVM_Task":
        return reconfigure(request);
      default:
        return crypto(method, request);
    }
  }

  private List<XmlElement> crypto(String method, XmlElement request) {
    switch (method) {
      case "RegisterKmipServer":
        keyProviders.register(request.child("server").orElseThrow(() -> SoapFault.invalidArgument("server")));
        return List.of();
      case "ListKmipServers":
      case "ListKmsClusters":
        return keyProviders.list();
      case "RetrieveKmipServerCert":
        return List.of(keyProviders.retrieveServerCert(keyProviders.provider(request.child("keyProvider")
            .orElse(null))));
      case "UploadKmipServerCert":
        keyProviders.uploadServerCert(provider(request, "cluster"), request.childText("certificate"));
        return List.of();
      case "GenerateClientCsr":
        return List.of(XmlElement.text("returnval", keyProviders.generateCsr(provider(request, "cluster"))));
      case "RetrieveClientCsr":
        return textOrNothing(keyProviders.csr(provider(request, "cluster")));
      case "UpdateKmsSignedCsrClientCert":
        keyProviders.updateSignedCert(provider(request, "cluster"), request.childText("certificate"));
        connected = null;
        return List.of();
      case "RetrieveClientCert":
        return textOrNothing(keyProviders.clientCert(provider(request, "cluster")));
      case "MarkDefault":
        keyProviders.markDefault(provider(request, "clusterId"));
        return List.of();
      case "RemoveKmipServer":
        keyProviders.remove(provider(request, "clusterId"), request.childText("serverName"));
        return List.of();
      case "GenerateKey":
        return List.of(generateKey(request));
      case "QueryCryptoKeyStatus":
        return queryKeyStatus(request);
      case "RetrieveKmipServersStatus_Task": {
        List<KeyProviders.Provider> asked = new ArrayList<>();
        for (XmlElement cluster : request.children("clusters")) {
          asked.add(keyProviders.provider(cluster.child("clusterId").orElse(null)));
        }
        String id = tasks.start(method, null, taskDuration, () -> {
          List<XmlElement> statuses = new ArrayList<>();
          asked.forEach(provider -> statuses.add(keyProviders.status(provider)));
          return XmlElement.of("result", statuses).typed("ArrayOfCryptoManagerKmipClusterStatus");
        });
        return List.of(XmlElement.moRef("returnval", new MoRef("Task", id)));
      }
      default:
        throw new SoapFault("MethodNotFound", "Method " + method + " is not supported by the sandbox vCenter");
    }
  }

  /** A key of the given provider, or of the default one; as vcsim and vCenter do, "No default provider" else. */
  private XmlElement generateKey(XmlElement request) {
    KeyProviders.Provider provider = request.child("keyProvider").isPresent()
        ? provider(request, "keyProvider") : keyProviders.defaultProvider();
    if (provider == null) {
      throw new SoapFault("RuntimeFault", "No default provider");
    }
    String id = keys.newKey(provider, false);
    return XmlElement.of("returnval", XmlElement.of("keyId", XmlElement.text("keyId", id),
        XmlElement.of("providerId", XmlElement.text("id", provider.id))).typed("CryptoKeyId"),
        XmlElement.text("success", true)).typed("CryptoKeyResult");
  }

  /** Each key's availability as its provider's KMS answers now; with bit 0x02, the VMs it encrypts. */
  private List<XmlElement> queryKeyStatus(XmlElement request) {
    int bits = Integer.parseInt(java.util.Objects.requireNonNullElse(request.childText("checkKeyBitMap"), "1"));
    List<XmlElement> statuses = new ArrayList<>();
    for (XmlElement keyId : request.children("keyIds")) {
      String id = keyId.childText("keyId");
      String providerId = keyId.path("providerId.id").map(XmlElement::text).orElse(null);
      VcenterKeys.KeyStatus status;
      try {
        status = providerId == null ? new VcenterKeys.KeyStatus(false, "KeyStateMissingInCache")
            : keys.status(keyProviders.provider(keyId.child("providerId").orElseThrow()), id);
      } catch (SoapFault unknownProvider) {
        status = new VcenterKeys.KeyStatus(false, "KeyStateClusterInvalid");
      }
      List<XmlElement> parts = new ArrayList<>();
      parts.add(XmlElement.of("keyId", XmlElement.text("keyId", id), providerId == null ? null
          : XmlElement.of("providerId", XmlElement.text("id", providerId))).typed("CryptoKeyId"));
      parts.add(XmlElement.text("keyAvailable", status.available()));
      parts.add(XmlElement.text("reason", status.available() ? "" : status.reason()));
      if ((bits & 0x02) != 0) {
        inventory.vmsUsingKey(id).forEach(vm -> parts.add(XmlElement.moRef("encryptedVMs",
            new MoRef("VirtualMachine", vm))));
      }
      statuses.add(XmlElement.of("returnval", parts).typed("CryptoManagerKmipCryptoKeyStatus"));
    }
    return statuses;
  }

  private KeyProviders.Provider provider(XmlElement request, String field) {
    return keyProviders.provider(request.child(field).orElse(null));
  }

  private static List<XmlElement> textOrNothing(String value) {
    return value == null ? List.of() : List.of(XmlElement.text("returnval", value));
  }

  private List<XmlElement> pbm(String method, XmlElement request) {
    switch (method) {
      case "PbmRetrieveServiceContent":
        return List.of(profiles.serviceContent());
      case "PbmQueryProfile":
        return profiles.query(request);
      case "PbmRetrieveContent":
        return profiles.retrieve(request);
      case "PbmCreate":
        return List.of(profiles.create(request));
      case "PbmQueryAssociatedProfile":
        return associated(request);
      default:
        throw new SoapFault("MethodNotFound", "Method " + method + " is not supported by the sandbox SPBM");
    }
  }

  private List<XmlElement> associated(XmlElement request) {
    String type = request.path("entity.objectType").map(XmlElement::text).orElse("");
    String key = request.path("entity.key").map(XmlElement::text).orElse("");
    String profile = null;
    if (type.equals("virtualMachine")) {
      profile = inventory.vm(key).homeProfile;
    } else if (type.equals("virtualDiskId") && key.contains(":")) {
      SandboxVm vm = inventory.vm(key.substring(0, key.indexOf(':')));
      int diskKey = Integer.parseInt(key.substring(key.indexOf(':') + 1));
      profile = vm.disks.stream().filter(disk -> disk.key == diskKey).map(disk -> disk.profile).findFirst()
          .orElse(null);
    }
    return profile == null ? List.of() : List.of(XmlElement.of("returnval", XmlElement.text("uniqueId", profile)));
  }

  private List<XmlElement> retrieve(XmlElement request) {
    XmlElement spec = request.child("specSet").orElseThrow(() -> SoapFault.invalidArgument("specSet"));
    XmlElement propertySpec = spec.child("propSet").orElseThrow(() -> SoapFault.invalidArgument("propSet"));
    String type = propertySpec.childText("type");
    List<String> paths = propertySpec.children("pathSet").stream().map(XmlElement::text).toList();
    XmlElement objectSpec = spec.child("objectSet").orElseThrow(() -> SoapFault.invalidArgument("objectSet"));
    MoRef object = objectSpec.child("obj").orElseThrow().asMoRef();
    List<String> objects;
    if (object.type().equals("ContainerView")) {
      objects = views.get(object.value());
      if (objects == null) {
        throw SoapFault.notFound(object);
      }
    } else {
      objects = List.of(object.value());
    }
    for (String path : paths) {
      // vCenter checks every path against the type before collecting anything
      if (type.equals("Task") ? !path.equals("info") : !VmProperties.known(path)) {
        throw SoapFault.invalidProperty(path);
      }
    }
    String max = request.path("options.maxObjects").map(XmlElement::text).orElse(null);
    int maxObjects = max == null ? 100 : Math.max(1, Integer.parseInt(max));
    return page(new Page(type, paths, objects, maxObjects));
  }

  private List<XmlElement> page(Page page) {
    List<XmlElement> objects = new ArrayList<>();
    int end = Math.min(page.maxObjects(), page.remaining().size());
    for (String id : page.remaining().subList(0, end)) {
      List<XmlElement> properties = new ArrayList<>();
      for (String path : page.paths()) {
        XmlElement value = page.type().equals("Task") ? taskProperty(id, path) : VmProperties.of(inventory.vm(id),
            path);
        if (value != null) {
          properties.add(XmlElement.of("propSet", XmlElement.text("name", path), value));
        }
      }
      List<XmlElement> content = new ArrayList<>();
      content.add(XmlElement.moRef("obj", new MoRef(page.type(), id)));
      content.addAll(properties);
      objects.add(XmlElement.of("objects", content));
    }
    if (objects.isEmpty()) {
      return List.of();
    }
    List<XmlElement> result = new ArrayList<>();
    if (end < page.remaining().size()) {
      String token = Long.toString(ids.getAndIncrement());
      pages.put(token, new Page(page.type(), page.paths(), page.remaining().subList(end, page.remaining().size()),
          page.maxObjects()));
      result.add(XmlElement.text("token", token));
    }
    result.addAll(objects);
    return List.of(XmlElement.of("returnval", result));
  }

  private XmlElement taskProperty(String id, String path) {
    return path.equals("info") ? tasks.get(id).info() : null;
  }

  private interface VmWork {
    void run(SandboxVm vm);
  }

  private List<XmlElement> task(String name, XmlElement request, VmWork work) {
    SandboxVm vm = inventory.vm(request.childText("_this"));
    String id = tasks.start(name, vm.id, taskDuration, () -> {
      synchronized (vm) {
        work.run(vm);
      }
      return null;
    });
    return List.of(XmlElement.moRef("returnval", new MoRef("Task", id)));
  }

  private static void setPower(SandboxVm vm, String state) {
    if (vm.powerState.equals(state)) {
      throw new SoapFault("InvalidPowerState", "The attempted operation cannot be performed in the current state ("
          + (state.equals("poweredOn") ? "Powered on" : "Powered off") + ").");
    }
    vm.powerState = state;
  }

  private List<XmlElement> shutdownGuest(SandboxVm vm) {
    synchronized (vm) {
      if (!vm.powerState.equals("poweredOn")) {
        throw new SoapFault("InvalidPowerState", "The attempted operation cannot be performed in the current state"
            + " (Powered off).");
      }
    }
    guestShutdowns.schedule(() -> {
      synchronized (vm) {
        vm.powerState = "poweredOff";
      }
    }, guestShutdownDelay.toMillis(), TimeUnit.MILLISECONDS);
    return List.of();
  }

  private List<XmlElement> reconfigure(XmlElement request) {
    XmlElement spec = request.child("spec").orElseThrow(() -> SoapFault.invalidArgument("spec"));
    String homeProfile = spec.path("vmProfile.profileId").map(XmlElement::text).orElse(null);
    Map<Integer, String> diskProfiles = new java.util.LinkedHashMap<>();
    for (XmlElement change : spec.children("deviceChange")) {
      String key = change.path("device.key").map(XmlElement::text).orElseThrow(() ->
          SoapFault.invalidArgument("spec.deviceChange.device.key"));
      diskProfiles.put(Integer.parseInt(key), change.path("profile.profileId").map(XmlElement::text).orElse(null));
    }
    Map<String, String> extraConfig = new java.util.LinkedHashMap<>();
    for (XmlElement option : spec.children("extraConfig")) {
      String key = option.childText("key");
      if (key == null || key.isBlank()) {
        throw SoapFault.invalidArgument("spec.extraConfig.key");
      }
      extraConfig.put(key, option.childText("value") == null ? "" : option.childText("value"));
    }
    String expectedVersion = spec.childText("changeVersion");
    return task("ReconfigVM_Task", request, vm -> {
      if (expectedVersion != null && !expectedVersion.equals(vm.changeVersion)) {
        throw new SoapFault("ConcurrentAccess", "Cannot complete operation due to concurrent modification by"
            + " another operation.");
      }
      boolean encrypting = (homeProfile != null && profiles.encrypts(homeProfile))
          || diskProfiles.values().stream().anyMatch(profile -> profile != null && profiles.encrypts(profile));
      if (encrypting && vm.powerState.equals("poweredOn")) {
        throw new SoapFault("InvalidPowerState", "The attempted operation cannot be performed in the current state"
            + " (Powered on).");
      }
      if (encrypting && vm.hasSnapshot) {
        throw new SoapFault("InvalidState", "The operation is not allowed in the current state: the virtual machine"
            + " has snapshots.");
      }
      KeyProviders.Provider kms = encrypting ? connectedDefaultProvider() : null;
      String provider = kms == null ? null : kms.id;
      // one key per task from the default provider's KMS, for home and disks alike (what the vSphere Client and a
      // policy-only reconfigure do), obtained before anything changes so a KMS refusal leaves the VM as it was
      boolean needsKey = (homeProfile != null && profiles.encrypts(homeProfile) && vm.homeKeyId == null)
          || vm.disks.stream().anyMatch(disk -> disk.keyId == null && diskProfiles.get(disk.key) != null
              && profiles.encrypts(diskProfiles.get(disk.key)));
      String key = !needsKey ? null : vm.homeKeyId != null ? vm.homeKeyId : keys.newKey(kms, true);
      // applied with the rest or not at all; vSphere: an advanced setting
      // given an empty value is removed
      extraConfig.forEach((name, value) -> {
        if (value.isEmpty()) {
          vm.extraConfig.remove(name);
        } else {
          vm.extraConfig.put(name, value);
        }
      });
      vm.changeVersion = java.time.Instant.now().toString() + "#" + (++vm.reconfigurations);
      if (homeProfile != null) {
        vm.homeProfile = homeProfile;
        if (profiles.encrypts(homeProfile) && vm.homeKeyId == null) {
          vm.homeKeyId = key;
          vm.homeProvider = provider;
        }
      }
      for (SandboxVm.Disk disk : vm.disks) {
        String profile = diskProfiles.get(disk.key);
        if (diskProfiles.containsKey(disk.key) && profile != null) {
          disk.profile = profile;
          if (profiles.encrypts(profile) && disk.keyId == null) {
            disk.keyId = key;
            disk.provider = provider;
          }
        }
      }
    });
  }

  /** The default key provider, if vCenter is connected to it (checked for real, remembered for half a minute). */
  private KeyProviders.Provider connectedDefaultProvider() {
    KeyProviders.Provider provider = keyProviders.defaultProvider();
    if (provider == null) {
      throw new SoapFault("InvalidState", "Cannot apply the encryption policy: no default key provider is set.");
    }
    ConnectedCache cache = connected;
    if (cache != null && cache.providerId().equals(provider.id) && Instant.now().isBefore(cache.until())) {
      return provider;
    }
    XmlElement status = keyProviders.status(provider);
    if (!"green".equals(status.childText("overallStatus"))) {
      String why = status.path("servers.connectionStatus").map(XmlElement::text).orElse("");
      throw new SoapFault("InvalidState", "Cannot apply the encryption policy: key provider " + provider.id
          + " is not connected (" + why + ").");
    }
    connected = new ConnectedCache(provider.id, Instant.now().plusSeconds(30));
    return provider;
  }

  private static void send(HttpExchange exchange, int status, String xml, String newSession) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
    if (newSession != null) {
      exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=\"" + newSession + "\"; Path=/; HttpOnly;"
          + " Secure");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
