package io.github.okmsvm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar okms-sandbox-standalone.jar [options]} ({@code --help} lists them): starts the sandbox with one PCC
 * and a vCenter, prints shell {@code export} lines for its endpoints and demo credentials (the way govmomi's vcsim
 * prints {@code GOVC_URL}) and how to trust its CA, then runs until stopped.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    SandboxOptions options;
    try {
      options = SandboxOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SandboxOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(SandboxOptions.USAGE);
      return;
    }
    String pcc = options.pcc();
    OkmsSandbox.Builder builder = OkmsSandbox.builder().pcc(pcc);
    if (options.vms() > 0) {
      builder.vms(options.vms(), options.disks());
    } else {
      builder.vm("app-01", "prod", false, 1, false).vm("app-02", "prod", true, 2, false)
          .vm("db-01", "prod", false, 2, false).vm("legacy-01", "test", false, 1, true);
    }
    OkmsSandbox sandbox = builder.start();
    sandbox.ovhApi().latency(options.latency());
    sandbox.vcenterServer().latency(options.latency());
    sandbox.vcenterServer().taskDuration(options.taskDuration());
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
    System.out.println("# its CA is no public one: trust it where you run the tool, for example");
    System.out.println("#   Maven:   -Dokms.ovhCaFile=" + trust + " -Dokms.vcenterCaFile=" + trust);
    System.out.println("#   Jenkins: ovhCaFile: and vcenterCaFile: naming a copy of that file in the workspace");
    System.out.println("#   govc:    export GOVC_TLS_CA_CERTS=" + trust);
    System.out.flush();
    stopped.await();
  }
}
