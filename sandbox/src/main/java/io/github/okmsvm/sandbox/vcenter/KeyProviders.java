package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.kmip.KmipClientCredentials;
import io.github.okmsvm.core.kmip.KmipException;
import io.github.okmsvm.core.kmip.KmipProbe;
import io.github.okmsvm.core.tls.CapturedChain;
import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.KeyMatch;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.Thumbprint;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.tls.TlsException;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The sandbox vCenter's CryptoManagerKmip: standard key providers whose trust is real. Fetching the server
 * certificate connects to the KMIP endpoint; the CSR's private key never leaves this class; a signed certificate is
 * accepted only for that key; the status comes from a real mutual-TLS KMIP exchange.
 */
final class KeyProviders {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
  private static final String NOT_TRUSTED = "vCenter does not trust the KMS certificate: upload it (Make vCenter"
      + " Trust KMS)";

  /** One standard key provider with its single KMIP server. */
  static final class Provider {
    final String id;
    final String serverName;
    final String address;
    final int port;
    String trustedServerPem;
    KeyPair csrKeys;
    String csrPem;
    String clientCertificatePem;
    boolean isDefault;

    Provider(String id, String serverName, String address, int port) {
      this.id = id;
      this.serverName = serverName;
      this.address = address;
      this.port = port;
    }

    /** The client credentials vCenter presents: the signed certificate with the CSR's key. */
    KmipClientCredentials credentials() {
      return KmipClientCredentials.fromPem(clientCertificatePem, Pem.write(csrKeys.getPrivate()));
    }
  }

  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private final String vcenterName;
  private volatile KmsNetwork network = KmsNetwork.OPEN;

  KeyProviders(String vcenterName) {
    this.vcenterName = vcenterName;
  }

  void network(KmsNetwork value) {
    this.network = value;
  }

  /** Why vCenter cannot reach {@code provider}'s server now, or empty when it can. */
  java.util.Optional<String> blocked(Provider provider) {
    return network.blocked(provider.address, provider.port);
  }

  synchronized void register(XmlElement server) {
    String id = server.path("clusterId.id").map(XmlElement::text).orElseThrow(() ->
        SoapFault.invalidArgument("server.clusterId"));
    XmlElement info = server.child("info").orElseThrow(() -> SoapFault.invalidArgument("server.info"));
    if (providers.containsKey(id)) {
      throw new SoapFault("RuntimeFault", "Already registered");
    }
    String address = info.childText("address");
    if (address == null || address.isBlank()) {
      throw SoapFault.invalidArgument("server.info.address");
    }
    int port = info.childText("port") == null ? TlsEndpoint.KMIP_PORT : Integer.parseInt(info.childText("port"));
    providers.put(id, new Provider(id, info.childText("name"), address, port));
  }

  synchronized Provider provider(XmlElement idHolder) {
    String id = idHolder == null ? null : idHolder.childText("id");
    Provider provider = id == null ? null : providers.get(id);
    if (provider == null) {
      throw new SoapFault("InvalidArgument", "A specified parameter was not correct: key provider " + id
          + " is not registered");
    }
    return provider;
  }

  synchronized Provider defaultProvider() {
    return providers.values().stream().filter(provider -> provider.isDefault).findFirst().orElse(null);
  }

  synchronized List<XmlElement> list() {
    List<XmlElement> clusters = new ArrayList<>();
    for (Provider provider : providers.values()) {
      clusters.add(XmlElement.of("returnval", XmlElement.of("clusterId", XmlElement.text("id", provider.id)),
          XmlElement.of("servers", XmlElement.text("name", provider.serverName),
              XmlElement.text("address", provider.address), XmlElement.text("port", provider.port)),
          XmlElement.text("useAsDefault", provider.isDefault), XmlElement.text("managementType", "vCenter")));
    }
    return clusters;
  }

  /** Connects to the KMIP server and returns the certificate it presents, as PEM. */
  XmlElement retrieveServerCert(Provider provider) {
    blocked(provider).ifPresent(why -> {
      throw new SoapFault("RuntimeFault", "Cannot retrieve the certificate of KMS " + provider.serverName + ": "
          + why);
    });
    CapturedChain chain;
    try {
      chain = ChainCapture.capture(new TlsEndpoint(provider.address, provider.port), PROBE_TIMEOUT);
    } catch (TlsException e) {
      throw new SoapFault("RuntimeFault", "Cannot retrieve the certificate of KMS " + provider.serverName + ": "
          + e.getMessage());
    }
    String pem = Pem.write(chain.leaf());
    boolean trusted;
    synchronized (this) {
      trusted = pem.equals(provider.trustedServerPem);
    }
    return XmlElement.of("returnval", XmlElement.text("certificate", pem), XmlElement.text("clientTrustServer",
        trusted));
  }

  synchronized void uploadServerCert(Provider provider, String pem) {
    try {
      Pem.certificate(pem, "certificate");
    } catch (TlsException e) {
      throw SoapFault.invalidArgument("certificate");
    }
    provider.trustedServerPem = pem;
  }

  synchronized String generateCsr(Provider provider) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      String csr = Pem.write(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + vcenterName
          + ", O=okms-sandbox"), keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA")
          .build(keys.getPrivate())));
      provider.csrKeys = keys;
      provider.csrPem = csr;
      return csr;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new SoapFault("RuntimeFault", "Cannot generate a CSR: " + e.getMessage());
    }
  }

  synchronized String csr(Provider provider) {
    return provider.csrPem;
  }

  /** Accepts the KMS-signed certificate only if it certifies the key of the CSR generated here. */
  synchronized void updateSignedCert(Provider provider, String pem) {
    X509Certificate certificate;
    try {
      certificate = Pem.certificate(pem, "certificate");
    } catch (TlsException e) {
      throw SoapFault.invalidArgument("certificate");
    }
    if (provider.csrKeys == null || !KeyMatch.matches(provider.csrKeys.getPrivate(), certificate)) {
      throw new SoapFault("InvalidArgument", "A specified parameter was not correct: certificate (it does not"
          + " match the client CSR generated by vCenter)");
    }
    provider.clientCertificatePem = pem;
  }

  synchronized String clientCert(Provider provider) {
    return provider.clientCertificatePem;
  }

  synchronized void markDefault(Provider provider) {
    providers.values().forEach(other -> other.isDefault = false);
    provider.isDefault = true;
  }

  synchronized void remove(Provider provider, String serverName) {
    if (!provider.serverName.equals(serverName)) {
      throw SoapFault.invalidArgument("serverName");
    }
    providers.remove(provider.id);
  }

  private static Thumbprint trusted(String trustedPem) {
    return Thumbprint.of(Pem.certificate(trustedPem, "trusted"));
  }

  /** What vCenter learns by connecting to the provider's server with its client certificate now. */
  XmlElement status(Provider provider) {
    String trustedPem;
    String clientPem;
    synchronized (this) {
      trustedPem = provider.trustedServerPem;
      clientPem = provider.clientCertificatePem;
    }
    boolean clientTrustServer = false;
    boolean serverTrustClient = false;
    String connection;
    java.util.Optional<String> blocked = blocked(provider);
    try {
      if (blocked.isPresent()) {
        throw new TlsException("Cannot establish a connection to KMS " + provider.serverName + ": "
            + blocked.get());
      }
      if (trustedPem == null || clientPem == null) {
        CapturedChain chain = ChainCapture.capture(new TlsEndpoint(provider.address, provider.port), PROBE_TIMEOUT);
        clientTrustServer = trustedPem != null && Thumbprint.of(chain.leaf()).equals(trusted(trustedPem));
        connection = !clientTrustServer ? NOT_TRUSTED
            : "no client certificate: the KMS does not trust vCenter yet (Make KMS Trust vCenter)";
      } else {
        // one connection, as vCenter makes: the server's certificate, then whether the server takes vCenter's
        AtomicReference<X509Certificate> presented = new AtomicReference<>();
        KmipProbe probe = KmipProbe.builder(new TlsEndpoint(provider.address, provider.port)).trustedCaPem(trustedPem)
            .clientCredentials(provider.credentials()).presented(presented::set).timeout(PROBE_TIMEOUT).build();
        KmipException.Cause failure = null;
        try {
          probe.probe();
          connection = "connected";
        } catch (KmipException e) {
          failure = e.reason();
          connection = e.getMessage();
        }
        // past the server's certificate, the handshake trusted it; under TLS 1.2 a refused client certificate ends
        // the handshake before the certificate is heard, yet after it was trusted
        clientTrustServer = presented.get() != null ? Thumbprint.of(presented.get()).equals(trusted(trustedPem))
            : failure == KmipException.Cause.CLIENT_CERTIFICATE_REJECTED;
        serverTrustClient = clientTrustServer && failure == null;
        if (!clientTrustServer && failure != KmipException.Cause.CONNECT_FAILED
            && failure != KmipException.Cause.TLS_REFUSED) {
          connection = NOT_TRUSTED;
        }
      }
    } catch (KmipException | TlsException e) {
      connection = e.getMessage(); // the KMS could not be reached
    }
    boolean green = clientTrustServer && serverTrustClient;
    String status = green ? "green" : "red";
    return XmlElement.of("CryptoManagerKmipClusterStatus",
        XmlElement.of("clusterId", XmlElement.text("id", provider.id)), XmlElement.text("overallStatus", status),
        XmlElement.text("managementType", "vCenter"),
        XmlElement.of("servers", XmlElement.text("name", provider.serverName), XmlElement.text("status", status),
            XmlElement.text("connectionStatus", connection), XmlElement.text("clientTrustServer", clientTrustServer),
            XmlElement.text("serverTrustClient", serverTrustClient)));
  }
}
