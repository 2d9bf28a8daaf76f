package io.github.okmsvm.it.steps;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.config.SettingSource;
import io.github.okmsvm.core.ovh.OvhSettings;
import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.core.steps.EncryptionFlow;
import io.github.okmsvm.core.steps.StepContext;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.vsphere.VimClient;
import io.github.okmsvm.core.wait.Poller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input never crashes: one clear message that names the setting and the fix, and nothing written. */
class BadInputIT {
  private static final String REGIONS = "ap-south-mum, ap-southeast-sgp, ap-southeast-syd, ca-east-bhs, ca-east-tor,"
      + " eu-central-waw, eu-south-mil, eu-west-eri, eu-west-gra, eu-west-lim, eu-west-par, eu-west-rbx,"
      + " eu-west-sbg";
  private static FlowHarness flow;

  @BeforeAll
  static void start() {
    flow = FlowHarness.start(builder -> builder.existingOkms("eu-west-rbx"));
  }

  @AfterAll
  static void stop() {
    flow.close();
  }

  private static void run(UnaryOperator<EncryptionSettings.Builder> change) {
    flow.run(change.apply(flow.settings()).build());
  }

  private static Arguments settings(String name, UnaryOperator<EncryptionSettings.Builder> change, String message) {
    return Arguments.of(name, (ThrowingCallable) () -> run(change), message);
  }

  private static Arguments call(String name, ThrowingCallable call, String message) {
    return Arguments.of(name, call, message);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        settings("no region", b -> b.region(null),
            "region is missing: give the OKMS region, such as eu-west-rbx, or okmsId"),
        settings("malformed region", b -> b.region("eu west"),
            "region 'eu west' is not an OKMS region name: write it like eu-west-rbx"),
        settings("unknown region", b -> b.region("eu-west-mars"),
            "region 'eu-west-mars' is not an OKMS region: use one of " + REGIONS),
        settings("malformed okmsId", b -> b.okmsId("my-kms"),
            "okmsId 'my-kms' is not an OKMS id: it is a UUID such as 11111111-2222-3333-4444-555555555555 (see the"
                + " OKMS in the Control Panel), or leave it out"),
        settings("unknown okmsId", b -> b.okmsId("00000000-0000-0000-0000-000000000000"),
            "okmsId '00000000-0000-0000-0000-000000000000' is no OKMS of this account: check the id in the Control"
                + " Panel, or leave it out to find the OKMS by region"),
        settings("no PCC", b -> b.pccServiceName(null),
            "pccServiceName is missing: give the Hosted Private Cloud service name, such as pcc-198-51-100-1"),
        settings("malformed PCC", b -> b.pccServiceName("my-pcc"),
            "pccServiceName 'my-pcc' is not a PCC service name: it looks like pcc-198-51-100-1 (see Hosted Private"
                + " Cloud in the Control Panel)"),
        settings("unknown PCC", b -> b.pccServiceName("pcc-203-0-113-9"),
            "pccServiceName 'pcc-203-0-113-9' is no Hosted Private Cloud of this account: check the service name in"
                + " the Control Panel"),
        settings("malformed identity URN", b -> b.identityUrns(List.of("john.smith")),
            "identityUrns 'john.smith' is not an identity URN: write urn:v1:eu:identity:account:xx1111-ovh,"
                + " …:user:xx1111-ovh/name, …:group:… or …:credential:…"),
        settings("resource URN as identity", b -> b.identityUrns(List.of("urn:v1:eu:resource:okms:x")),
            "identityUrns 'urn:v1:eu:resource:okms:x' is not an identity URN: write"
                + " urn:v1:eu:identity:account:xx1111-ovh, …:user:xx1111-ovh/name, …:group:… or …:credential:…"),
        settings("credential name with a space", b -> b.credentialName("vcenter kms"),
            "credentialName 'vcenter kms' is not a valid name: use 1 to 50 letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit"),
        settings("validity too long", b -> b.credentialValidityDays(400),
            "credentialValidityDays is 400: OKMS issues credentials for 1 to 365 days"),
        settings("validity zero", b -> b.credentialValidityDays(0),
            "credentialValidityDays is 0: OKMS issues credentials for 1 to 365 days"),
        settings("renewal beyond validity", b -> b.credentialValidityDays(30).renewBeforeDays(30),
            "renewBeforeDays is 30: give 0 to 29 days, less than credentialValidityDays"),
        settings("provider name with a space", b -> b.providerName("okms rbx"),
            "providerName 'okms rbx' is not a valid name: use 1 to 50 letters, digits, '.', '_' or '-', starting"
                + " with a letter or digit"),
        settings("empty IAM policy name", b -> b.iamPolicyName(""),
            "iamPolicyName '' is not a valid name: use 1 to 50 letters, digits, '.', '_' or '-', starting with a"
                + " letter or digit"),
        settings("no IAM action", b -> b.iamActions(List.of()), "iamActions is empty: give at least okms:kmip:*"),
        settings("empty storage policy name", b -> b.storagePolicyName(" "),
            "storagePolicyName must be 1 to 80 printable characters, such as okms-vm-encryption"),
        settings("no VM", b -> b.vms(List.of()),
            "vms is empty: give VM names or globs (app-*), or vmFolder"),
        settings("malformed folder", b -> b.vmFolder("prod"),
            "vmFolder 'prod' is not a VM folder path: write <datacenter>/vm/<folder>, such as DC0/vm/prod"),
        settings("no parallelism", b -> b.parallelism(0), "parallelism is 0: give 1 to 64 VMs at a time"),
        settings("too much parallelism", b -> b.parallelism(100), "parallelism is 100: give 1 to 64 VMs at a time"),
        settings("negative threshold", b -> b.maxNonCompliant(-1), "maxNonCompliant is -1: give 0 or more"),
        settings("zero timeout", b -> b.timeout(Duration.ZERO), "timeoutSeconds must be positive, such as 1800"),
        settings("unknown VM", b -> b.vms(List.of("app-99")),
            "vms names 'app-99', and no VM of that name is in vCenter: check the name (it is case-sensitive) or use"
                + " a glob such as app-99*"),
        settings("unknown folder", b -> b.vmFolder("DC0/vm/nope").vms(List.of()),
            "no folder at inventory path 'DC0/vm/nope': write it as <datacenter>/vm/<folder>, for example"
                + " DC0/vm/prod"),
        settings("malformed KMIP endpoint", b -> b.kmipEndpoint("kms.example:port"),
            "kmipEndpoint 'kms.example:port' has a port that is not a number: write host:port, for example"
                + " eu-west-rbx.okms.ovh.net:5696"),
        call("wrong application secret", () -> runWith(new OvhCredentials.ApplicationKey(
            flow.sandbox.applicationKey().applicationKey(), Secret.of("wrong"), flow.sandbox.applicationKey()
                .consumerKey()), flow.sandbox.vcenterPassword()),
            "OVHcloud API GET /v1/dedicatedCloud/pcc-198-51-100-1: HTTP 400 Client::BadRequest \"Invalid signature\": check"
                + " the application secret and consumer key, and that nothing rewrites the request"),
        call("missing IAM right", () -> {
          flow.sandbox.ovhApi().deny("pccVMware:apiovh:get");
          try {
            run(b -> b);
          } finally {
            flow.sandbox.ovhApi().allowAll();
          }
        }, "OVHcloud API GET /v1/dedicatedCloud/pcc-198-51-100-1: HTTP 403 Client::Forbidden \"User not granted for"
            + " this request\": grant these IAM actions to the identity used, in an IAM policy on this resource:"
            + " pccVMware:apiovh:get"),
        call("wrong vCenter password", () -> runWith(flow.sandbox.applicationKey(), Secret.of("wrong")),
            "Login failed with InvalidLogin: Cannot complete login due to an incorrect user name or password."),
        call("no OVHcloud credentials", () -> OvhSettings.resolve(List.of()).credentials(),
            "credentials are missing: set OVH_CLIENT_ID and OVH_CLIENT_SECRET (a service account), or"
                + " OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or write them in ovh.conf"),
        call("unknown endpoint", () -> OvhSettings.resolve(List.of(SettingSource.of("parameters",
            Map.of("ovhEndpoint", "ovh-mars")))).endpoint(), "ovhEndpoint 'ovh-mars' is neither a preset nor a URL:"
            + " give ovh-eu, ovh-ca, ovh-us or an API"
                + " URL such as https://api.eu.ovhcloud.com"),
        call("truncated PEM", () -> Pem.certificate("-----BEGIN CERTIFICATE-----\nMIIB", "publicCA"),
            "publicCA is not valid PEM (-----END CERTIFICATE----- not found): check the '-----BEGIN'/'-----END' lines and that the base64"
                + " body is complete"),
        call("certificate given as CSR", () -> Pem.csr(flow.sandbox.trustBundlePem(), "csr"),
            "csr holds no certificate signing request: expected a '-----BEGIN CERTIFICATE REQUEST-----' block"),
        call("host with a scheme", () -> TlsEndpoint.parse("https://kms.example", 5696, "kmipEndpoint"),
            "kmipEndpoint 'https://kms.example' has a port that is not a number: write host:port, for example"
                + " eu-west-rbx.okms.ovh.net:5696"));
  }

  private static void runWith(OvhCredentials ovhCredentials, Secret vcenterPassword) {
    StepContext context = new StepContext(flow.settings().build(),
        () -> OvhApi.builder().endpoint(flow.sandbox.ovhEndpoint()).credentials(ovhCredentials)
            .sslContext(flow.sandbox.clientSslContext()).build(),
        () -> VimClient.connect(flow.sandbox.vcenterUrl(), flow.sandbox.vcenterUsername(), vcenterPassword,
            flow.sandbox.vcenterTls(), Duration.ofSeconds(10), line -> { }),
        event -> { }, new Poller(Duration.ofMillis(10), Duration.ofMillis(100)));
    try {
      // the vCenter steps alone when checking vCenter's refusal; the whole flow otherwise
      EncryptionFlow.run(vcenterPassword.equals(flow.sandbox.vcenterPassword()) ? EncryptionFlow.steps(true)
          : EncryptionFlow.steps(false), context);
    } finally {
      context.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void endsInOneClearMessageAndWritesNothing(String name, ThrowingCallable call, String message) {
    long writes = flow.ovhWrites() + flow.vcenterWrites();

    assertThatThrownBy(call).satisfies(e -> org.assertj.core.api.Assertions.assertThat(
        e.getMessage().replaceFirst(" \\(X-Ovh-QueryID [^)]*\\)$", "")).isEqualTo(message));

    org.assertj.core.api.Assertions.assertThat(flow.ovhWrites() + flow.vcenterWrites()).isEqualTo(writes);
  }

  @org.junit.jupiter.api.Test
  void aWrongVcenterPasswordIsTriedOnceARunThoughSeveralStepsNeedVcenter() {
    long logins = flow.sandbox.vcenterServer().counters().count("Login");
    StepContext context = new StepContext(flow.settings().build(),
        () -> OvhApi.builder().endpoint(flow.sandbox.ovhEndpoint()).credentials(flow.sandbox.applicationKey())
            .sslContext(flow.sandbox.clientSslContext()).build(),
        () -> VimClient.connect(flow.sandbox.vcenterUrl(), flow.sandbox.vcenterUsername(), Secret.of("wrong"),
            flow.sandbox.vcenterTls(), Duration.ofSeconds(10), line -> { }),
        event -> { }, new Poller(Duration.ofMillis(10), Duration.ofMillis(100)));
    try {
      assertThatThrownBy(() -> EncryptionFlow.run(EncryptionFlow.steps(true), context))
          .hasMessageContaining("Login failed with InvalidLogin");
    } finally {
      context.close();
    }

    org.assertj.core.api.Assertions.assertThat(flow.sandbox.vcenterServer().counters().count("Login") - logins)
        .as("failed logins: an account locks after a few").isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void theGuidesStaleRegionFormIsAccepted() {
    org.assertj.core.api.Assertions.assertThat(flow.settings().region("EU_WEST_RBX").build().region)
        .isEqualTo("eu-west-rbx");
  }
}
