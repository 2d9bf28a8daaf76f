package io.github.okmsvm.core.vsphere;

import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.http.BackOff;
import io.github.okmsvm.core.http.HttpTransport;
import io.github.okmsvm.core.http.RetryPolicy;
import io.github.okmsvm.core.http.Sleeper;
import io.github.okmsvm.core.tls.UntrustedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * A vim25 SOAP session with vCenter ({@code /sdk}) and its SPBM twin ({@code /pbm}): RetrieveServiceContent, Login
 * with the {@code vmware_soap_session} cookie, one new Login when vCenter says NotAuthenticated, Logout. The SOAP
 * version is the one vCenter reports, so one client speaks to vCenter 7.0 and 8.0 alike.
 */
public final class VimClient implements AutoCloseable {
  static final String VIM25 = "urn:vim25";
  static final String PBM = "urn:pbm";
  private static final String BOOTSTRAP_VERSION = "6.7";
  private static final String SESSION_COOKIE = "vmware_soap_session";
  /** Methods that only read: retried on a lost answer or a transient server fault, as OVHcloud reads are. */
  private static final java.util.Set<String> READS = java.util.Set.of("RetrieveServiceContent",
      "RetrievePropertiesEx", "ContinueRetrievePropertiesEx", "CreateContainerView", "DestroyView",
      "FindByInventoryPath", "ListKmipServers", "ListKmsClusters", "RetrieveKmipServerCert", "RetrieveClientCsr",
      "RetrieveClientCert", "PbmRetrieveServiceContent", "PbmQueryProfile", "PbmRetrieveContent",
      "PbmQueryAssociatedProfile");
  /** vCenter's transient failures pass within seconds: a few quick attempts, not the OVHcloud API's patience. */
  static final RetryPolicy READ_RETRIES = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2));
  private static final int MAX_CONNECTIONS = 32;
  private static final Consumer<byte[]> NO_PEEK = body -> { };
  /**
   * Connections opened while the session is being made: the flow's steps then read vCenter's side (inventory,
   * providers, policies) several at once, and each would otherwise wait for its own handshake on the run's longest
   * chain of calls.
   */
  private static final int CONNECTIONS_AHEAD = 4;

  private final URI sdkUrl;
  private final URI pbmUrl;
  private final String username;
  private final Secret password;
  private final CloseableHttpClient http;
  private final Consumer<String> log;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private volatile String session;
  private volatile String version = BOOTSTRAP_VERSION;
  private volatile ServiceContent serviceContent;

  private final RetryPolicy readRetries;

  private VimClient(URI sdkUrl, String username, Secret password, VimTls tls, Duration timeout, Consumer<String> log,
      RetryPolicy readRetries) {
    this.sdkUrl = sdkUrl;
    this.readRetries = readRetries;
    this.pbmUrl = sdkUrl.resolve("/pbm");
    this.username = username;
    this.password = password;
    this.log = log;
    this.http = HttpTransport.builder().sslContext(tls.sslContext()).verifyHostname(tls.verifyHostname())
        .timeouts(timeout, timeout).maxConnections(MAX_CONNECTIONS).connectionsAhead(CONNECTIONS_AHEAD).build();
  }

  /**
   * Connects and logs in. {@code server} is a host name or an URL ({@code https://vc.example/sdk}); {@code log}
   * receives one line per call (method and duration), never a credential.
   */
  public static VimClient connect(String server, String username, Secret password, VimTls tls, Duration timeout,
      Consumer<String> log) {
    return connect(server, username, password, tls, timeout, log, READ_RETRIES);
  }

  /** As {@link #connect(String, String, Secret, VimTls, Duration, Consumer)}, retrying reads as {@code reads} says. */
  public static VimClient connect(String server, String username, Secret password, VimTls tls, Duration timeout,
      Consumer<String> log, RetryPolicy reads) {
    URI url = sdkUrl(server);
    if (url.getScheme().equalsIgnoreCase("http") && !tls.unverified()) {
      throw new ConfigurationException(SettingNames.VCENTER_SERVER, "'" + server + "' uses plain HTTP, which would"
          + " send vCenter's password in clear", "give the https:// URL (or the host name alone); for a lab"
          + " simulator only, set vcenterInsecure=true as well");
    }
    VimClient client = new VimClient(url, username, password, tls, timeout, log, reads);
    try {
      client.serviceContent = ServiceContent.from(client.send(VIM25, client.sdkUrl, "RetrieveServiceContent",
          XmlElement.of("RetrieveServiceContent", XmlElement.moRef("_this",
              new MoRef("ServiceInstance", "ServiceInstance"))), false));
      client.version = client.serviceContent.apiVersion();
      client.login();
      return client;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  static URI sdkUrl(String server) {
    String value = server.strip();
    if (!value.contains("://")) {
      value = "https://" + value;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null) {
      throw new ConfigurationException(SettingNames.VCENTER_SERVER, "'" + server + "' is not a host name or URL",
          "give vCenter's host name, such as vcsa.pcc-198-51-100-1.ovh.de");
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/") ? "/sdk"
        : uri.getPath();
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^[^@]*@", "") + path);
  }

  /** vCenter's host name, as configured (and as its certificate names it). */
  public String host() {
    return sdkUrl.getHost();
  }

  public ServiceContent serviceContent() {
    return serviceContent;
  }

  /** The API version vCenter reports, and that this client speaks with it. */
  public String apiVersion() {
    return version;
  }

  /** Calls a vim25 method on {@code self}; returns the response element (its {@code returnval} children). */
  public XmlElement invoke(String method, MoRef self, XmlElement... parameters) {
    return invokeWithRelogin(VIM25, sdkUrl, method, self, NO_PEEK, parameters);
  }

  /**
   * As {@link #invoke(String, MoRef, XmlElement...)}, {@code received} seeing each successful answer's bytes before
   * they are parsed: what a large answer begins with can start the next call while the rest is read.
   */
  public XmlElement invoke(String method, MoRef self, Consumer<byte[]> received, XmlElement... parameters) {
    return invokeWithRelogin(VIM25, sdkUrl, method, self, received, parameters);
  }

  /** Calls an SPBM method on {@code self}, authenticated by the vim session. */
  public XmlElement invokePbm(String method, MoRef self, XmlElement... parameters) {
    return invokeWithRelogin(PBM, pbmUrl, method, self, NO_PEEK, parameters);
  }

  /** How many times {@code method} was called: for round-trip assertions and benchmarks. */
  public long callCount(String method) {
    AtomicLong count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  public void logout() {
    if (session != null) {
      try {
        invoke("Logout", serviceContent.sessionManager());
      } finally {
        session = null;
      }
    }
  }

  @Override
  public void close() {
    try {
      logout();
    } catch (RuntimeException e) {
      // the session ends with the connection anyway
    }
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void login() {
    send(VIM25, sdkUrl, "Login", XmlElement.of("Login",
        XmlElement.moRef("_this", serviceContent.sessionManager()), XmlElement.text("userName", username),
        XmlElement.text("password", password.reveal())), true);
    if (session == null) {
      throw new VimException("vCenter accepted the login but set no " + SESSION_COOKIE + " cookie");
    }
  }

  private XmlElement invokeWithRelogin(String namespace, URI url, String method, MoRef self,
      Consumer<byte[]> received, XmlElement... parameters) {
    XmlElement[] body = new XmlElement[parameters.length + 1];
    body[0] = XmlElement.moRef("_this", self);
    System.arraycopy(parameters, 0, body, 1, parameters.length);
    XmlElement request = XmlElement.of(method, body);
    BackOff backOff = readRetries.start(Sleeper.THREAD);
    while (true) {
      try {
        try {
          return send(namespace, url, method, request, false, received);
        } catch (VimFault.NotAuthenticated e) {
          login(); // the session expired: one new login, then the call once more
          return send(namespace, url, method, request, false, received);
        }
      } catch (VimException e) {
        boolean transientFailure = !(e instanceof VimFault) || "SystemError".equals(((VimFault) e).faultName());
        if (!READS.contains(method) || !transientFailure || !backOff.retry(null)) {
          throw e;
        }
      }
    }
  }

  private XmlElement send(String namespace, URI url, String method, XmlElement request, boolean keepCookie) {
    return send(namespace, url, method, request, keepCookie, NO_PEEK);
  }

  private XmlElement send(String namespace, URI url, String method, XmlElement request, boolean keepCookie,
      Consumer<byte[]> received) {
    calls.computeIfAbsent(method, key -> new AtomicLong()).incrementAndGet();
    XmlElement header = namespace.equals(PBM) && session != null ? XmlElement.text("vcSessionCookie", session)
        : null;
    HttpPost post = new HttpPost(url);
    post.setHeader("SOAPAction", namespace + "/" + version);
    if (session != null) {
      post.setHeader("Cookie", SESSION_COOKIE + "=\"" + session + "\"");
    }
    post.setEntity(new StringEntity(SoapCodec.envelope(namespace, header, request),
        ContentType.create("text/xml", StandardCharsets.UTF_8)));
    long started = System.nanoTime();
    try {
      return http.execute(post, response -> {
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        log.accept(method + " -> " + response.getCode() + " ("
            + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
        if (keepCookie) {
          for (Header cookie : response.getHeaders("Set-Cookie")) {
            String value = cookie.getValue();
            if (value.startsWith(SESSION_COOKIE + "=")) {
              session = value.substring(SESSION_COOKIE.length() + 1).split(";")[0].replace("\"", "");
            }
          }
        }
        if (response.getCode() == 404) {
          throw new VimException(url + " answered 404: check that this is a vCenter's /sdk (or /pbm) endpoint");
        }
        if (response.getCode() == 200 && body.length > 0) {
          received.accept(body);
        }
        XmlElement content = body.length == 0 ? null : SoapCodec.bodyContent(body);
        if (content == null) {
          throw new VimException(method + " got HTTP " + response.getCode() + " with an empty body");
        }
        if (content.name().equals("Fault")) {
          throw fault(method, content);
        }
        return content;
      });
    } catch (SSLException e) {
      throw new VimException(UntrustedCertificate.in(e).map(untrusted -> "vCenter " + url.getHost() + " is not"
          + " trusted: " + untrusted.getMessage() + ". Trust its CA (set vcenterCaFile=<its-CA.pem>; a vCenter"
          + " offers its CA certificates at https://" + url.getHost() + "/certs/download.zip), or pin this very"
          + " certificate (set vcenterThumbprint=" + untrusted.thumbprint().sha256() + " once you have checked it"
          + " in vCenter), or, for a lab only, set vcenterInsecure=true")
          .orElse("TLS with vCenter " + url.getHost() + " failed: " + e.getMessage() + "; trust its CA"
              + " (vcenterCaFile), pin its thumbprint (vcenterThumbprint), or, for a lab only, set"
              + " vcenterInsecure=true"), e);
    } catch (IOException e) {
      throw new VimException("vCenter " + url.getHost() + " did not answer " + method + ": " + e.getMessage(), e);
    }
  }

  private static VimFault fault(String method, XmlElement fault) {
    String message = fault.childText("faultstring");
    String name = fault.child("detail").flatMap(detail -> detail.children().stream().findFirst())
        .map(detail -> detail.xsiType() != null ? detail.xsiType() : detail.name().replaceFirst("Fault$", ""))
        .orElse("RuntimeFault");
    return VimFault.of(name, method, message == null || message.isBlank() ? name : message);
  }

  /** The managed objects of {@code RetrieveServiceContent} this product uses. */
  public record ServiceContent(MoRef rootFolder, MoRef propertyCollector, MoRef viewManager, MoRef sessionManager,
      MoRef searchIndex, MoRef cryptoManager, String apiVersion, String fullName, String instanceUuid) {
    static ServiceContent from(XmlElement response) {
      XmlElement content = response.child("returnval")
          .orElseThrow(() -> new VimException("RetrieveServiceContent answered no content"));
      return new ServiceContent(ref(content, "rootFolder"), ref(content, "propertyCollector"),
          ref(content, "viewManager"), ref(content, "sessionManager"), ref(content, "searchIndex"),
          ref(content, "cryptoManager"), content.path("about.apiVersion").map(XmlElement::text).orElse("6.7"),
          content.path("about.fullName").map(XmlElement::text).orElse("vCenter"),
          content.path("about.instanceUuid").map(XmlElement::text).orElse(null));
    }

    private static MoRef ref(XmlElement content, String name) {
      return content.child(name).map(XmlElement::asMoRef).orElse(null);
    }
  }
}
