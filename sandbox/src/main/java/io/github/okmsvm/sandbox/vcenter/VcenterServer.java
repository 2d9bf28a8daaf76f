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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final SandboxTasks tasks;
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  /** The session of the request this thread answers, for SessionManager.currentSession. */
  private final ThreadLocal<String> currentSession = new ThreadLocal<>();
  private final Views views;
  private final EventLog events = new EventLog();
  private final PropertyCollectors collectors;
  private final Faults faults = new Faults();
  private final RequestCounters counters = new RequestCounters();
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration taskDuration = Duration.ofMillis(200);
  private volatile Duration guestShutdownDelay = Duration.ofMillis(300);
  private volatile ConnectedCache connected;

  private record ConnectedCache(String providerId, Instant until) {}

  static {
    Exchanges.noDelay();
  }

  VcenterServer(SSLContext tls, String username, Secret password, Inventory inventory) throws IOException {
    this.username = username;
    this.password = password;
    this.inventory = inventory;
    this.views = new Views(inventory, this::object);
    this.tasks = new SandboxTasks(username);
    this.collectors = new PropertyCollectors(this::object);
    this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    // a thread per connection while its request is read, as the JDK's server works: a client's connections opened
    // ahead and not used yet must not starve the others, as they would not starve a real server
    this.executor = Executors.newCachedThreadPool(runnable -> {
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
    server.createContext("/sdk/vimServiceVersions.xml", VcenterServer::serviceVersions);
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

  /** Sessions logged in and not logged out, and the views they still hold: what a client left behind. */
  public int liveSessions() {
    return sessions.size();
  }

  public int liveViews() {
    return views.live();
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

  /** Gives the VM of that name a virtual TPM, as the vSphere Client's "Add TPM" does. */
  public void addVtpm(String vmName) {
    SandboxVm vm = named(vmName);
    synchronized (vm) {
      vm.vtpm = true;
    }
  }

  /** Takes a snapshot of the VM of that name (one chain, no tree), as the vSphere Client's "Take Snapshot" does. */
  public void takeSnapshot(String vmName) {
    SandboxVm vm = named(vmName);
    synchronized (vm) {
      vm.hasSnapshot = true;
    }
  }

  private SandboxVm named(String vmName) {
    synchronized (inventory) {
      return inventory.vms.values().stream().filter(candidate -> candidate.name.equals(vmName)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no VM " + vmName));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    guestShutdowns.shutdownNow();
    tasks.close();
  }

  private void handle(HttpExchange exchange, String namespace) throws IOException {
    long received = System.nanoTime();
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
      counters.record(method, received);
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
          returned = List.of(userSession("returnval", newSession));
        } else {
          String session = session(exchange, envelope);
          if (session == null || !sessions.containsKey(session)) {
            throw new SoapFault("NotAuthenticated", "The session is not authenticated.");
          }
          currentSession.set(session);
          try {
            returned = namespace.equals(PBM) ? pbm(method, request) : vim(method, request, session);
          } finally {
            currentSession.remove();
          }
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
    sessions.put(session, Instant.now());
    return session;
  }

  private XmlElement userSession(String name, String session) {
    Instant loggedIn = sessions.get(session);
    return XmlElement.of(name, XmlElement.text("key", session), XmlElement.text("userName", username),
        XmlElement.text("fullName", username), XmlElement.text("loginTime", loggedIn.toString()),
        XmlElement.text("lastActiveTime", Instant.now().toString()), XmlElement.text("locale", "en"),
        XmlElement.text("messageLocale", "en"), XmlElement.text("extensionSession", false),
        XmlElement.text("ipAddress", "127.0.0.1"), XmlElement.text("userAgent", ""),
        XmlElement.text("callCount", 0)).typed("UserSession");
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
        XmlElement.moRef("setting", new MoRef("OptionManager", "VpxSettings")),
        XmlElement.moRef("userDirectory", new MoRef("UserDirectory", "UserDirectory")),
        XmlElement.moRef("sessionManager", new MoRef("SessionManager", "SessionManager")),
        XmlElement.moRef("authorizationManager", new MoRef("AuthorizationManager", "AuthorizationManager")),
        XmlElement.moRef("perfManager", new MoRef("PerformanceManager", "PerfMgr")),
        XmlElement.moRef("eventManager", EventLog.MANAGER),
        XmlElement.moRef("taskManager", new MoRef("TaskManager", "TaskManager")),
        XmlElement.moRef("extensionManager", new MoRef("ExtensionManager", "ExtensionManager")),
        XmlElement.moRef("customFieldsManager", new MoRef("CustomFieldsManager", "CustomFieldsManager")),
        XmlElement.moRef("searchIndex", new MoRef("SearchIndex", "SearchIndex")),
        XmlElement.moRef("licenseManager", new MoRef("LicenseManager", "LicenseManager")),
        XmlElement.moRef("cryptoManager", new MoRef("CryptoManagerKmip", "CryptoManager")));
  }

  private List<XmlElement> vim(String method, XmlElement request, String session) {
    switch (method) {
      case "Logout":
        sessions.remove(session);
        views.endSession(session);
        return List.of();
      case "CurrentTime":
        return List.of(XmlElement.text("returnval", Instant.now().toString()));
      case "CreateContainerView":
        return List.of(XmlElement.moRef("returnval", views.createContainerView(session, request)));
      case "CreateListView":
        return List.of(XmlElement.moRef("returnval", views.createListView(session, request)));
      case "ResetListView":
        return views.resetListView(session, request.childText("_this"), request);
      case "DestroyView":
        views.destroy(session, request.childText("_this"));
        return List.of();
      case "RetrievePropertiesEx":
        return collectors.retrieveEx(request);
      case "ContinueRetrievePropertiesEx":
        return collectors.continueEx(request.childText("token"));
      case "CancelRetrievePropertiesEx":
        collectors.cancel(request.childText("token"));
        return List.of();
      case "RetrieveProperties":
        return collectors.retrieve(request);
      case "Fetch": {
        // vCenter's internal one-property read of any managed object, which SDK property accessors use (pyvmomi)
        MoRef target = request.child("_this").orElseThrow(() -> SoapFault.invalidArgument("_this")).asMoRef();
        String path = request.childText("prop");
        if (path == null || !VimTypes.hasPath(target.type(), path)) {
          throw SoapFault.invalidProperty(path);
        }
        XmlElement value = object(target).value(path);
        return value == null ? List.of() : List.of(value.renamed("returnval"));
      }
      case "CreatePropertyCollector":
        return List.of(XmlElement.moRef("returnval", collectors.createCollector(session)));
      case "DestroyPropertyCollector":
        collectors.destroyCollector(request.childText("_this"));
        return List.of();
      case "CreateFilter":
        return List.of(XmlElement.moRef("returnval", collectors.createFilter(request.childText("_this"),
            request.child("spec").orElseThrow(() -> SoapFault.invalidArgument("spec")))));
      case "DestroyPropertyFilter":
        collectors.destroyFilter(request.childText("_this"));
        return List.of();
      case "WaitForUpdatesEx":
        return waitForUpdates(request, null);
      case "WaitForUpdates": // the older form: waits for as long as it takes
        return waitForUpdates(request, null);
      case "CheckForUpdates": // the older form that never waits
        return waitForUpdates(request, 0);
      case "CreateCollectorForEvents":
        return List.of(XmlElement.moRef("returnval", events.createCollector(session)));
      case "SetCollectorPageSize":
        events.setPageSize(request.childText("_this"), request.childText("maxCount"));
        return List.of();
      case "DestroyCollector":
        events.destroyCollector(request.childText("_this"));
        return List.of();
      case "QueryEvents":
        return events.query();
      case "FindByInventoryPath": {
        MoRef found = inventory.find(request.childText("inventoryPath"));
        return found == null ? List.of() : List.of(XmlElement.moRef("returnval", found));
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
      case "GetDefaultKmsCluster": {
        KeyProviders.Provider provider = keyProviders.defaultProvider();
        return provider == null ? List.of() : List.of(XmlElement.of("returnval", XmlElement.text("id", provider.id))
            .typed("KeyProviderId"));
      }
      case "IsKmsClusterActive": {
        // the given provider, or the default one: active while vCenter is connected to its KMS
        KeyProviders.Provider provider = request.child("cluster").isPresent() ? provider(request, "cluster")
            : keyProviders.defaultProvider();
        boolean active = provider != null && "green".equals(keyProviders.status(provider).childText("overallStatus"));
        return List.of(XmlElement.text("returnval", active));
      }
      case "QueryCryptoKeyStatus":
        return queryKeyStatus(request);
      case "RetrieveKmipServersStatus_Task": {
        List<KeyProviders.Provider> asked = new ArrayList<>();
        for (XmlElement cluster : request.children("clusters")) {
          asked.add(keyProviders.provider(cluster.child("clusterId").orElse(null)));
        }
        String id = tasks.start(method, null, null, taskDuration, () -> {
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
    String id;
    try {
      id = keys.newKey(provider, false);
    } catch (SoapFault e) {
      // vCenter answers a KMS that cannot make the key in the result (success false, reason, fault), not by a fault
      return XmlElement.of("returnval", XmlElement.of("keyId", XmlElement.text("keyId", ""),
          XmlElement.of("providerId", XmlElement.text("id", provider.id))).typed("CryptoKeyId"),
          XmlElement.text("success", false), XmlElement.text("reason", e.getMessage()),
          XmlElement.of("fault", XmlElement.of("fault", e.fields).typed(e.type),
              XmlElement.text("localizedMessage", e.getMessage())).typed("LocalizedMethodFault"))
          .typed("CryptoKeyResult");
    }
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

  private List<XmlElement> waitForUpdates(XmlElement request, Integer maxWaitSeconds) {
    try {
      return collectors.waitForUpdates(request.childText("_this"), request, maxWaitSeconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SoapFault("RequestCanceled", "The request was canceled by the server.");
    }
  }

  /** The managed object a reference names: an entity, a task, a view, the task and event managers. */
  private VimObject object(MoRef ref) {
    if (ref.equals(new MoRef("SessionManager", "SessionManager"))) {
      return VimObject.of(ref, name -> name.equals("currentSession") && currentSession.get() != null
          ? userSession("val", currentSession.get()) : null);
    }
    if (ref.equals(new MoRef("ServiceInstance", "ServiceInstance"))) {
      return VimObject.of(ref, name -> switch (name) {
        case "serverClock" -> XmlElement.text("val", Instant.now().toString()).typed("xsd:dateTime");
        case "content" -> serviceContent().renamed("val").typed("ServiceContent");
        default -> null;
      });
    }
    for (VimObject found : new VimObject[] {tasks.object(ref), views.object(currentSession.get(), ref),
        events.object(ref)}) {
      if (found != null) {
        return found;
      }
    }
    return inventory.object(ref);
  }

  private interface VmWork {
    void run(SandboxVm vm);
  }

  private List<XmlElement> task(String name, XmlElement request, VmWork work) {
    SandboxVm vm = inventory.vm(request.childText("_this"));
    MoRef ref = new MoRef("VirtualMachine", vm.id);
    String id = tasks.start(name, vm.id, vm.name, taskDuration, () -> {
      synchronized (vm) {
        work.run(vm);
      }
      String where = vm.name + " on 172.16.0.11 in " + Inventory.DATACENTER_NAME;
      switch (name) {
        case "PowerOnVM_Task" -> events.add("VmPoweredOnEvent", username, ref, vm.name, where + " is powered on",
            null);
        case "PowerOffVM_Task" -> events.add("VmPoweredOffEvent", username, ref, vm.name, where
            + " is powered off", null);
        default -> events.add("VmReconfiguredEvent", username, ref, vm.name, "Reconfigured " + where,
            XmlElement.of("configSpec"));
      }
      return null;
    });
    events.add("TaskEvent", username, ref, vm.name, "Task: " + name, tasks.get(id).info().renamed("info"));
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
    events.add("VmGuestShutdownEvent", username, new MoRef("VirtualMachine", vm.id), vm.name,
        "Guest OS shut down for " + vm.name + " on 172.16.0.11 in " + Inventory.DATACENTER_NAME, null);
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
    Map<Integer, Recrypt> diskRecrypts = new java.util.LinkedHashMap<>();
    for (XmlElement change : spec.children("deviceChange")) {
      String key = change.path("device.key").map(XmlElement::text).orElseThrow(() ->
          SoapFault.invalidArgument("spec.deviceChange.device.key"));
      diskProfiles.put(Integer.parseInt(key), change.path("profile.profileId").map(XmlElement::text).orElse(null));
      Recrypt recrypt = recrypt(change.path("backing.crypto").orElse(null), "spec.deviceChange.backing.crypto");
      if (recrypt != null) {
        diskRecrypts.put(Integer.parseInt(key), recrypt);
      }
    }
    Recrypt homeRecrypt = recrypt(spec.child("crypto").orElse(null), "spec.crypto");
    Map<String, String> extraConfig = new java.util.LinkedHashMap<>();
    for (XmlElement option : spec.children("extraConfig")) {
      String key = option.childText("key");
      if (key == null || key.isBlank()) {
        throw SoapFault.invalidArgument("spec.extraConfig.key");
      }
      extraConfig.put(key, option.childText("value") == null ? "" : option.childText("value"));
    }
    String expectedVersion = spec.childText("changeVersion");
    String migrateEncryption = spec.childText("migrateEncryption");
    if (migrateEncryption != null && !List.of("disabled", "opportunistic", "required").contains(migrateEncryption)) {
      throw SoapFault.invalidArgument("spec.migrateEncryption");
    }
    String ftEncryptionMode = spec.childText("ftEncryptionMode");
    if (ftEncryptionMode != null && !List.of("ftEncryptionDisabled", "ftEncryptionOpportunistic",
        "ftEncryptionRequired").contains(ftEncryptionMode)) {
      throw SoapFault.invalidArgument("spec.ftEncryptionMode");
    }
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
      if (homeRecrypt != null || !diskRecrypts.isEmpty()) {
        recryptChecks(vm, homeRecrypt, diskRecrypts);
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
      if (migrateEncryption != null) {
        vm.migrateEncryption = migrateEncryption;
      }
      if (ftEncryptionMode != null) {
        vm.ftEncryptionMode = ftEncryptionMode;
      }
      vm.changeVersion = java.time.Instant.now().toString() + "#" + (++vm.reconfigurations);
      if (homeProfile != null) {
        vm.homeProfile = homeProfile;
        if (profiles.encrypts(homeProfile) && vm.homeKeyId == null) {
          vm.homeKeyId = key;
          vm.homeProvider = provider;
        }
      }
      if (homeRecrypt != null) {
        vm.homeKeyId = homeRecrypt.keyId();
        vm.homeProvider = homeRecrypt.provider().id;
      }
      for (SandboxVm.Disk disk : vm.disks) {
        Recrypt recrypt = diskRecrypts.get(disk.key);
        if (recrypt != null) {
          disk.keyId = recrypt.keyId();
          disk.provider = recrypt.provider().id;
        }
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

  /** A shallow or deep re-key asked of the VM home or of one disk: the new key, of a registered provider. */
  private record Recrypt(boolean deep, String keyId, KeyProviders.Provider provider) {}

  /**
   * The re-key a crypto spec asks for, or null for none (absent, or CryptoSpecNoOp). The other crypto specs (encrypt,
   * decrypt, register) are vCenter's too, but the product sends none of them, and the sandbox does not pretend them.
   */
  private Recrypt recrypt(XmlElement crypto, String path) {
    if (crypto == null || "CryptoSpecNoOp".equals(crypto.xsiType())) {
      return null;
    }
    boolean deep = "CryptoSpecDeepRecrypt".equals(crypto.xsiType());
    if (!deep && !"CryptoSpecShallowRecrypt".equals(crypto.xsiType())) {
      throw new SoapFault("NotSupported", "The sandbox vCenter does not implement " + crypto.xsiType() + " in "
          + path + ".");
    }
    String keyId = crypto.path("newKeyId.keyId").map(XmlElement::text).orElse("");
    if (keyId.isBlank()) {
      throw SoapFault.invalidArgument(path + ".newKeyId.keyId");
    }
    XmlElement providerId = crypto.path("newKeyId.providerId").orElseThrow(() ->
        SoapFault.invalidArgument(path + ".newKeyId.providerId"));
    return new Recrypt(deep, keyId, keyProviders.provider(providerId));
  }

  /**
   * What vCenter refuses of a re-key (vcsim's rules, with vCenter's): only an encrypted VM, and only its encrypted
   * disks; a deep re-key only powered off and without snapshots, and not mixed with a shallow one; the current keys
   * readable (from the host while the VM runs, else from their KMS, to unwrap what they protect); the new key
   * available from its KMS, which vCenter activates when it is Pre-Active, as for any key it gives a VM.
   */
  private void recryptChecks(SandboxVm vm, Recrypt home, Map<Integer, Recrypt> disks) {
    if (vm.homeKeyId == null) {
      throw new SoapFault("InvalidState", "The operation is not allowed in the current state: the virtual machine"
          + " is not encrypted.");
    }
    for (SandboxVm.Disk disk : vm.disks) {
      if (disks.containsKey(disk.key) && disk.keyId == null) {
        throw new SoapFault("InvalidDeviceSpec", "Invalid configuration for device '" + disk.label + "': it is not"
            + " encrypted, so it cannot be re-keyed.", List.of(XmlElement.text("deviceIndex", disk.key)));
      }
    }
    List<Recrypt> all = new ArrayList<>(disks.values());
    if (home != null) {
      all.add(home);
    }
    boolean deep = all.stream().anyMatch(Recrypt::deep);
    if (deep && all.stream().anyMatch(recrypt -> !recrypt.deep())) {
      throw SoapFault.invalidArgument("spec.crypto");
    }
    if (deep && vm.powerState.equals("poweredOn")) {
      throw new SoapFault("InvalidPowerState", "The attempted operation cannot be performed in the current state"
          + " (Powered on).", List.of(XmlElement.text("requestedState", "poweredOff"),
              XmlElement.text("existingState", "poweredOn")));
    }
    if (deep && vm.hasSnapshot) {
      throw new SoapFault("InvalidState", "The operation is not allowed in the current state: the virtual machine"
          + " has snapshots.");
    }
    if (!vm.powerState.equals("poweredOn")) {
      java.util.Set<List<String>> current = new java.util.LinkedHashSet<>();
      current.add(List.of(vm.homeKeyId, vm.homeProvider));
      vm.disks.stream().filter(disk -> disks.containsKey(disk.key))
          .forEach(disk -> current.add(List.of(disk.keyId, disk.provider)));
      for (List<String> key : current) {
        VcenterKeys.KeyStatus status = keys.status(keyProviders.provider(XmlElement.of("providerId",
            XmlElement.text("id", key.get(1)))), key.get(0));
        if (!status.available()) {
          throw new SoapFault("EncryptionKeyRequired", "The operation is not allowed in the current state: the key"
              + " " + key.get(0) + " of key provider " + key.get(1) + " is required (" + status.reason() + ").",
              List.of(XmlElement.of("requiredKey", XmlElement.text("keyId", key.get(0)), XmlElement.of("providerId",
                  XmlElement.text("id", key.get(1)))).typed("CryptoKeyId")));
        }
      }
    }
    all.stream().map(recrypt -> Map.entry(recrypt.keyId(), recrypt.provider())).distinct()
        .forEach(key -> keys.useKey(key.getValue(), key.getKey()));
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

  /** The API versions vCenter serves, which SDKs such as pyvmomi read before they log in. */
  private static void serviceVersions(HttpExchange exchange) throws IOException {
    try (exchange) {
      send(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<namespaces version=\"1.0\">\n"
          + " <namespace>\n  <name>urn:vim25</name>\n  <version>8.0.3.0</version>\n  <priorVersions>\n"
          + "   <version>8.0.2.0</version>\n   <version>8.0.1.0</version>\n   <version>8.0.0.0</version>\n"
          + "   <version>7.0.3.0</version>\n  </priorVersions>\n </namespace>\n</namespaces>\n", null);
    }
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
