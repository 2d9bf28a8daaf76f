package io.github.okmsvm.core.vsphere;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** vCenter's standard key providers ({@code CryptoManagerKmip}): registration, mutual trust, status, default. */
public final class CryptoManager {
  /** A KMIP server of a key provider. */
  public record KmipServer(String name, String address, int port) {}

  /** A key provider (KMS cluster) with its servers. */
  public record KeyProvider(String id, List<KmipServer> servers, boolean useAsDefault) {}

  /** A KMIP server's certificate as vCenter fetched it, and whether vCenter already trusts it. */
  public record ServerCertificate(String certificatePem, Boolean clientTrustServer) {}

  /** One server's connection status: green when connected, with both trust directions. */
  public record ServerStatus(String name, String status, String connectionStatus, boolean clientTrustServer,
      boolean serverTrustClient) {
    public boolean connected() {
      return "green".equals(status) && clientTrustServer && serverTrustClient;
    }
  }

  /** A key provider's status. */
  public record ProviderStatus(String providerId, String overallStatus, List<ServerStatus> servers) {}

  /**
   * Whether a key's data is available to vCenter from its provider's KMS now; when not, vCenter's reason
   * ({@code KeyStateMissingInKMS}, {@code KeyStateNotActiveOrEnabled}, {@code KeyStateClusterUnreachable}, ...).
   */
  public record KeyStatus(VmState.CryptoKey key, boolean available, String reason) {}

  private final VimClient client;
  private final TaskWaiter tasks;

  public CryptoManager(VimClient client) {
    this.client = client;
    this.tasks = new TaskWaiter(client);
  }

  private MoRef self() {
    MoRef manager = client.serviceContent().cryptoManager();
    if (manager == null) {
      throw new VimException("this vCenter has no CryptoManager: VM encryption needs vCenter 6.5 or later");
    }
    return manager;
  }

  private static XmlElement providerId(String name, String id) {
    return XmlElement.of(name, XmlElement.text("id", id));
  }

  private static XmlElement serverInfo(String name, KmipServer server) {
    return XmlElement.of(name, XmlElement.text("name", server.name()), XmlElement.text("address", server.address()),
        XmlElement.text("port", server.port()));
  }

  public void registerKmipServer(String providerId, KmipServer server) {
    client.invoke("RegisterKmipServer", self(), XmlElement.of("server", providerId("clusterId", providerId),
        serverInfo("info", server)));
  }

  public List<KeyProvider> listKmipServers() {
    return providers(client.invoke("ListKmipServers", self()));
  }

  /** Key providers with their servers (vCenter 7.0 and later). */
  public List<KeyProvider> listKmsClusters() {
    return providers(client.invoke("ListKmsClusters", self(), XmlElement.text("includeKmsServers", true)));
  }

  public ServerCertificate retrieveKmipServerCert(String providerId, KmipServer server) {
    XmlElement info = client.invoke("RetrieveKmipServerCert", self(), providerId("keyProvider", providerId),
        serverInfo("server", server)).child("returnval")
        .orElseThrow(() -> new VimException("RetrieveKmipServerCert answered nothing"));
    String trust = info.childText("clientTrustServer");
    return new ServerCertificate(info.childText("certificate"), trust == null ? null : Boolean.valueOf(trust));
  }

  public void uploadKmipServerCert(String providerId, String certificatePem) {
    client.invoke("UploadKmipServerCert", self(), providerId("cluster", providerId),
        XmlElement.text("certificate", certificatePem));
  }

  /** A new CSR whose private key stays in vCenter; replaces any previous one. */
  public String generateClientCsr(String providerId) {
    return client.invoke("GenerateClientCsr", self(), providerId("cluster", providerId)).childText("returnval");
  }

  /** The CSR generated earlier, or null/empty when there is none. */
  public String retrieveClientCsr(String providerId) {
    return client.invoke("RetrieveClientCsr", self(), providerId("cluster", providerId)).childText("returnval");
  }

  public void updateKmsSignedCsrClientCert(String providerId, String certificatePem) {
    client.invoke("UpdateKmsSignedCsrClientCert", self(), providerId("cluster", providerId),
        XmlElement.text("certificate", certificatePem));
  }

  /** The client certificate vCenter presents to the KMS, or null/empty. */
  public String retrieveClientCert(String providerId) {
    return client.invoke("RetrieveClientCert", self(), providerId("cluster", providerId)).childText("returnval");
  }

  /** Asks vCenter to connect to the provider's servers now and report how it went. */
  public ProviderStatus retrieveStatus(String providerId, Duration timeout, Consumer<Duration> waiting) {
    MoRef task = client.invoke("RetrieveKmipServersStatus_Task", self(), XmlElement.of("clusters",
        providerId("clusterId", providerId), XmlElement.text("useAsDefault", false))).child("returnval")
        .orElseThrow().asMoRef();
    XmlElement result = tasks.await(task, "key provider " + providerId + " status", timeout, waiting);
    XmlElement status = result == null ? null : result.children().stream().findFirst().orElse(null);
    if (status == null) {
      return new ProviderStatus(providerId, "gray", List.of());
    }
    List<ServerStatus> servers = new ArrayList<>();
    for (XmlElement server : status.children("servers")) {
      servers.add(new ServerStatus(server.childText("name"), server.childText("status"),
          server.childText("connectionStatus"), "true".equals(server.childText("clientTrustServer")),
          "true".equals(server.childText("serverTrustClient"))));
    }
    return new ProviderStatus(providerId, status.childText("overallStatus"), servers);
  }

  /**
   * Asks vCenter whether each key is available from its provider's KMS ({@code QueryCryptoKeyStatus}, vSphere 6.7 U2
   * and later, check bit 0x01: key data available), keyed by the key asked for.
   */
  public Map<VmState.CryptoKey, KeyStatus> queryCryptoKeyStatus(Collection<VmState.CryptoKey> keys) {
    Map<VmState.CryptoKey, KeyStatus> statuses = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return statuses;
    }
    List<XmlElement> parameters = new ArrayList<>();
    for (VmState.CryptoKey key : keys) {
      parameters.add(XmlElement.of("keyIds", XmlElement.text("keyId", key.keyId()),
          key.providerId() == null ? null : providerId("providerId", key.providerId())));
    }
    parameters.add(XmlElement.text("checkKeyBitMap", 1));
    XmlElement response = client.invoke("QueryCryptoKeyStatus", self(), parameters.toArray(new XmlElement[0]));
    for (XmlElement status : response.children("returnval")) {
      VmState.CryptoKey key = VmState.CryptoKey.from(status.child("keyId").orElse(null));
      if (key != null) {
        String reason = status.childText("reason");
        statuses.put(key, new KeyStatus(key, "true".equals(status.childText("keyAvailable")),
            reason == null || reason.isBlank() ? null : reason));
      }
    }
    return statuses;
  }

  /**
   * A new key from {@code providerId}'s KMS, made through vCenter ({@code GenerateKey}), as PowerCLI gets the key of
   * a re-key; a KMS that cannot make it is a {@link VimException} with vCenter's reason.
   */
  public VmState.CryptoKey generateKey(String providerId) {
    XmlElement result = client.invoke("GenerateKey", self(), providerId("keyProvider", providerId)).child("returnval")
        .orElseThrow(() -> new VimException("GenerateKey answered nothing"));
    VmState.CryptoKey key = VmState.CryptoKey.from(result.child("keyId").orElse(null));
    if (!"true".equals(result.childText("success")) || key == null || key.keyId().isEmpty()) {
      String reason = result.childText("reason");
      throw new VimException("key provider " + providerId + " could not make a key" + (reason == null
          || reason.isBlank() ? "" : ": " + reason));
    }
    return key;
  }

  public void markDefault(String providerId) {
    client.invoke("MarkDefault", self(), providerId("clusterId", providerId));
  }

  public void removeKmipServer(String providerId, String serverName) {
    client.invoke("RemoveKmipServer", self(), providerId("clusterId", providerId),
        XmlElement.text("serverName", serverName));
  }

  private static List<KeyProvider> providers(XmlElement response) {
    List<KeyProvider> providers = new ArrayList<>();
    for (XmlElement cluster : response.children("returnval")) {
      List<KmipServer> servers = new ArrayList<>();
      for (XmlElement server : cluster.children("servers")) {
        servers.add(new KmipServer(server.childText("name"), server.childText("address"),
            Integer.parseInt(server.childText("port"))));
      }
      providers.add(new KeyProvider(cluster.path("clusterId.id").map(XmlElement::text).orElse(null), servers,
          "true".equals(cluster.childText("useAsDefault"))));
    }
    return providers;
  }
}
