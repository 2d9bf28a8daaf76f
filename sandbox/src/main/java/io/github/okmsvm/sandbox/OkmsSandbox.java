package io.github.okmsvm.sandbox;

import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhEndpoint;
import io.github.okmsvm.core.ovh.Secret;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.TrustMaterial;
import io.github.okmsvm.sandbox.ovh.OvhApiServer;
import io.github.okmsvm.sandbox.ovh.OvhSandbox;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The embedded sandbox: an OVHcloud API (and the OKMS KMIP endpoints) on loopback, with its own PKI and demo
 * credentials. Built for one run or one test class; close it to stop everything.
 */
public final class OkmsSandbox implements AutoCloseable {
  private final CertificateAuthority apiCa;
  private final OvhSandbox ovh;
  private final OvhCredentials.ApplicationKey applicationKey;
  private final OvhCredentials.ServiceAccount serviceAccount;

  private OkmsSandbox(Builder builder) {
    this.apiCa = CertificateAuthority.create("CN=okms-sandbox API CA");
    KeyAndChain serverKeys = apiCa.issue(CertificateAuthority.KeyType.RSA_2048,
        CertificateAuthority.template("CN=127.0.0.1").ipAddress("127.0.0.1").dnsName("localhost").serverAuth());
    SecureRandom random = new SecureRandom();
    this.applicationKey = new OvhCredentials.ApplicationKey(token(random, 8), Secret.of(token(random, 16)),
        Secret.of(token(random, 16)));
    this.serviceAccount = new OvhCredentials.ServiceAccount("sandbox-" + token(random, 4),
        Secret.of(token(random, 16)));
    try {
      this.ovh = OvhSandbox.start(serverContext(serverKeys), builder.nichandle, builder.pccs, builder.okmsRegions,
          applicationKey, serviceAccount);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox OVHcloud API", e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The sandbox API as an endpoint: its base URL and its OAuth2 token URL. */
  public OvhEndpoint ovhEndpoint() {
    return OvhEndpoint.of(ovh.server().baseUrl().toString(), ovh.server().tokenUrl().toString());
  }

  public OvhCredentials.ApplicationKey applicationKey() {
    return applicationKey;
  }

  public OvhCredentials.ServiceAccount serviceAccount() {
    return serviceAccount;
  }

  /** The CA of the sandbox's HTTPS endpoints, as PEM. */
  public String trustBundlePem() {
    return apiCa.certificatePem();
  }

  /** A client TLS context that trusts the sandbox's HTTPS endpoints. */
  public SSLContext clientSslContext() {
    return TrustMaterial.sslContext(trustBundlePem(), "sandbox trust bundle");
  }

  /** The OVHcloud API's knobs: faults, counters, journal, clock skew, latency, denied IAM actions. */
  public OvhApiServer ovhApi() {
    return ovh.server();
  }

  /** The account's identity URN, as OKMS credentials and IAM policies name it. */
  public String accountUrn() {
    return ovh.accountUrn();
  }

  @Override
  public void close() {
    ovh.close();
  }

  private static String token(SecureRandom random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  private static SSLContext serverContext(KeyAndChain keys) {
    try {
      char[] password = new char[0];
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", keys.privateKey(), password, keys.chain().toArray(new X509Certificate[0]));
      KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the sandbox's TLS", e);
    }
  }

  /** What the sandbox starts with. */
  public static final class Builder {
    private String nichandle = "xx1111-ovh";
    private final List<String> pccs = new ArrayList<>();
    private final List<String> okmsRegions = new ArrayList<>();

    public Builder nichandle(String value) {
      this.nichandle = value;
      return this;
    }

    /** A Hosted Private Cloud, such as {@code pcc-198-51-100-1}. */
    public Builder pcc(String serviceName) {
      pccs.add(serviceName);
      return this;
    }

    /** An OKMS that already exists in {@code region}. */
    public Builder existingOkms(String region) {
      okmsRegions.add(region);
      return this;
    }

    public OkmsSandbox start() {
      return new OkmsSandbox(this);
    }
  }
}
