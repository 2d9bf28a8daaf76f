package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.sandbox.kmip.KmipObjects;
import io.github.okmsvm.sandbox.vcenter.KmsNetwork;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;

/** The OVHcloud half of the sandbox: the API server wired to one seeded account. */
public final class OvhSandbox implements AutoCloseable {
  private final OvhApiServer server;
  private final SandboxAccount account;
  private final OrderRoutes orders;

  private OvhSandbox(OvhApiServer server, SandboxAccount account, OrderRoutes orders) {
    this.server = server;
    this.account = account;
    this.orders = orders;
  }

  public static OvhSandbox start(SSLContext tls, String nichandle, List<String> pccs, List<String> okmsRegions,
      OvhCredentials.ApplicationKey applicationKey, OvhCredentials.ServiceAccount serviceAccount) throws IOException {
    SandboxAccount account = new SandboxAccount(nichandle, "FR");
    pccs.forEach(account::addPcc);
    okmsRegions.forEach(region -> account.provisionOkms(region, false));
    OvhApiServer server = new OvhApiServer(tls);
    server.addApplication(applicationKey.applicationKey(), applicationKey.applicationSecret());
    server.addConsumerKey(applicationKey.consumerKey().reveal());
    server.addServiceAccount(serviceAccount.clientId(), serviceAccount.clientSecret());
    new AccountRoutes(account).register(server);
    new OkmsRoutes(account).register(server);
    OrderRoutes orders = new OrderRoutes(account);
    orders.register(server);
    new PccRoutes(account).register(server);
    new IamRoutes(account).register(server);
    server.start();
    return new OvhSandbox(server, account, orders);
  }

  public OvhApiServer server() {
    return server;
  }

  public String accountUrn() {
    return account.accountUrn();
  }

  /** The firewall between the vCenter of PCC {@code serviceName} and the KMSs it may use. */
  /** Seeds {@code count} delivered orders of past years, as a long-standing account has. */
  public void pastOrders(int count) {
    orders.pastOrders(count);
  }

  /** How long each state of an order, a credential or a PCC task lasts (default 50 ms). */
  public void stateStep(java.time.Duration step) {
    account.pace.step(step);
  }

  /** Makes every OKMS answer {@code kmipRsaEndpoint} and {@code publicRsaCA}, with a live RSA listener behind them. */
  public void serveRsaKmipEndpoints() {
    account.servesRsaKmipEndpoints = true;
  }

  public KmsNetwork firewallOf(String serviceName) {
    synchronized (account) {
      SandboxPcc pcc = account.pccs.get(serviceName);
      if (pcc == null) {
        throw new IllegalArgumentException("no PCC " + serviceName + " in the sandbox account");
      }
      return new PccFirewall(account, pcc);
    }
  }

  /** The KMIP objects of OKMS {@code okmsId}, as its KMIP endpoint serves them. */
  public KmipObjects kmipObjects(String okmsId) {
    synchronized (account) {
      SandboxOkms okms = account.okms.get(okmsId);
      if (okms == null) {
        throw new IllegalArgumentException("no OKMS " + okmsId + " in the sandbox account");
      }
      return okms.kmip.objects();
    }
  }

  @Override
  public void close() {
    server.close();
    account.close();
  }
}
