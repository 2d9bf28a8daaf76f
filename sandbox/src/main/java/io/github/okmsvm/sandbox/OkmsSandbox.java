package io.github.okmsvm.sandbox;

import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhEndpoint;
import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.TrustMaterial;
import io.github.okmsvm.sandbox.ovh.OvhApiServer;
import io.github.okmsvm.sandbox.kmip.KmipObjects;
import io.github.okmsvm.sandbox.ovh.OvhSandbox;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import io.github.okmsvm.sandbox.vcenter.VcenterSandbox;
import io.github.okmsvm.sandbox.vcenter.VcenterServer;
import io.github.okmsvm.core.vsphere.VimTls;
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
  private final VcenterSandbox vcenter;
  private final String vcenterUsername;
  private final Secret vcenterPassword;

  private OkmsSandbox(Builder builder) {
    this.apiCa = CertificateAuthority.create("CN=okms-sandbox API CA");
    KeyAndChain serverKeys = apiCa.issue(CertificateAuthority.KeyType.RSA_2048,
        CertificateAuthority.template("CN=127.0.0.1").ipAddress("127.0.0.1").dnsName("localhost").serverAuth());
    SecureRandom random = new SecureRandom();
    this.applicationKey = new OvhCredentials.ApplicationKey(token(random, 8), Secret.of(token(random, 16)),
        Secret.of(token(random, 16)));
    this.serviceAccount = new OvhCredentials.ServiceAccount("sandbox-" + token(random, 4),
        Secret.of(token(random, 16)));
    this.vcenterUsername = builder.vcenterUser;
    this.vcenterPassword = builder.vcenterPassword != null ? builder.vcenterPassword : Secret.of(token(random, 12));
    SSLContext tls = serverContext(serverKeys);
    try {
      this.ovh = OvhSandbox.start(tls, builder.nichandle, builder.pccs, builder.okmsRegions, applicationKey,
          serviceAccount);
      this.vcenter = VcenterSandbox.start(tls, vcenterUsername, vcenterPassword, builder.vms);
      if (!builder.pccs.isEmpty()) {
        // the vCenter is the first PCC's: it reaches a KMS only through that PCC's firewall
        vcenter.server().kmsNetwork(ovh.firewallOf(builder.pccs.get(0)));
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot start the sandbox", e);
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

  /** The vCenter's SDK URL, {@code https://127.0.0.1:<port>/sdk}. */
  public String vcenterUrl() {
    return vcenter.server().sdkUrl().toString();
  }

  public String vcenterUsername() {
    return vcenterUsername;
  }

  public Secret vcenterPassword() {
    return vcenterPassword;
  }

  /** Trust for the sandbox vCenter's certificate. */
  public VimTls vcenterTls() {
    return VimTls.trusting(trustBundlePem());
  }

  /** The vCenter's knobs: latency, task duration, faults and counters by SOAP method. */
  public VcenterServer vcenterServer() {
    return vcenter.server();
  }

  /** The account's identity URN, as OKMS credentials and IAM policies name it. */
  /** The KMIP objects of OKMS {@code okmsId}: what vCenter made there, read without a credential. */
  public KmipObjects kmipObjects(String okmsId) {
    return ovh.kmipObjects(okmsId);
  }

  /** Seeds {@code count} delivered orders of past years, as a long-standing account has. */
  public void pastOrders(int count) {
    ovh.pastOrders(count);
  }

  /** How long each state of an order, a credential or a PCC task lasts (default 50 ms), as time moves them. */
  public void stateStep(java.time.Duration step) {
    ovh.stateStep(step);
  }

  /** Makes every OKMS answer the nullable {@code kmipRsaEndpoint} / {@code publicRsaCA} pair, with a live listener. */
  public void serveRsaKmipEndpoints() {
    ovh.serveRsaKmipEndpoints();
  }

  public String accountUrn() {
    return ovh.accountUrn();
  }

  @Override
  public void close() {
    if (vcenter != null) {
      vcenter.close();
    }
    if (ovh != null) {
      ovh.close();
    }
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
    private String vcenterUser = "administrator@vsphere.local";
    private Secret vcenterPassword;
    private final List<String> pccs = new ArrayList<>();
    private final List<String> okmsRegions = new ArrayList<>();
    private final List<VcenterSandbox.VmSeed> vms = new ArrayList<>();

    /** The vCenter login the sandbox accepts, instead of its generated demo one. */
    public Builder vcenterLogin(String user, Secret password) {
      this.vcenterUser = user;
      this.vcenterPassword = password;
      return this;
    }

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

    /** A VM in the sandbox vCenter, under {@code DC0/vm/<folder>} (null: directly in {@code DC0/vm}). */
    public Builder vm(String name, String folder, boolean poweredOn, int disks, boolean snapshot) {
      vms.add(new VcenterSandbox.VmSeed(name, folder, poweredOn, disks, snapshot));
      return this;
    }

    /** {@code count} powered-off VMs {@code vm-00001}, … with {@code disks} disks each, in {@code DC0/vm}. */
    public Builder vms(int count, int disks) {
      for (int i = 1; i <= count; i++) {
        vms.add(new VcenterSandbox.VmSeed(String.format("vm-%05d", i), null, false, disks, false));
      }
      return this;
    }

    public OkmsSandbox start() {
      return new OkmsSandbox(this);
    }
  }
}
