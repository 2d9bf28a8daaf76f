package io.github.okmsvm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar okms-sandbox-standalone.jar}: starts the sandbox with one PCC and a vCenter with four VMs, prints shell {@code export} lines
 * for its endpoint and demo credentials (the way govmomi's vcsim prints {@code GOVC_URL}) and the path of its PEM
 * trust bundle, then runs until stopped.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String pcc = args.length > 0 ? args[0] : "pcc-198-51-100-1";
    OkmsSandbox sandbox = OkmsSandbox.builder().pcc(pcc)
        .vm("app-01", "prod", false, 1, false).vm("app-02", "prod", true, 2, false)
        .vm("db-01", "prod", false, 2, false).vm("legacy-01", "test", false, 1, true).start();
    Path trust = Files.createTempFile("okms-sandbox-trust-", ".pem");
    Files.writeString(trust, sandbox.trustBundlePem());
    trust.toFile().deleteOnExit();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }));
    System.out.println("export OVH_ENDPOINT=" + sandbox.ovhEndpoint().apiBase());
    System.out.println("export OVH_APPLICATION_KEY=" + sandbox.applicationKey().applicationKey());
    System.out.println("export OVH_APPLICATION_SECRET=" + sandbox.applicationKey().applicationSecret().reveal());
    System.out.println("export OVH_CONSUMER_KEY=" + sandbox.applicationKey().consumerKey().reveal());
    System.out.println("# or, as an OAuth2 service account instead of the application key:");
    System.out.println("#   export OVH_CLIENT_ID=" + sandbox.serviceAccount().clientId() + " OVH_CLIENT_SECRET="
        + sandbox.serviceAccount().clientSecret().reveal());
    System.out.println("# OAuth2 token URL: " + sandbox.ovhEndpoint().tokenUrl());
    System.out.println("export VSPHERE_SERVER=" + sandbox.vcenterUrl());
    System.out.println("export VSPHERE_USER=" + sandbox.vcenterUsername());
    System.out.println("export VSPHERE_PASSWORD=" + sandbox.vcenterPassword().reveal());
    System.out.println("# PCC: " + pcc + "; account identity: " + sandbox.accountUrn());
    System.out.println("# PEM trust bundle of the sandbox's HTTPS endpoints (OVHcloud API and vCenter): " + trust);
    System.out.flush();
    stopped.await();
  }
}
