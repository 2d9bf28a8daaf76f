package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.sandbox.Fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import io.github.okmsvm.core.ovh.OvhCredentials;
import io.github.okmsvm.core.ovh.OvhTransportException;
import io.github.okmsvm.core.http.RetryPolicy;
import io.github.okmsvm.core.common.Secret;
import io.github.okmsvm.sandbox.OkmsSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OVHcloud API client against the sandbox: every typed call, both auth schemes, paging, retries, skew, errors. */
class OvhApiAgainstSandboxTest {
  private static OkmsSandbox sandbox;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<OvhApi> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    sandbox = OkmsSandbox.builder().pcc(EveryTypedCall.PCC).existingOkms("eu-west-rbx").start();
    sandbox.stateStep(java.time.Duration.ofMillis(250)); // every intermediate state shows, even on a busy machine
  }

  @AfterAll
  static void stop() throws Exception {
    OvhSchemas schemas = OvhSchemas.load();
    try {
      assumeTrue(schemas != null, "the published OVHcloud API schemas are not beside the repository: not checked");
      List<String> problems = new ArrayList<>();
      for (ResponseJournal.Entry entry : sandbox.ovhApi().journal().entries()) {
        problems.addAll(schemas.validate(entry.method() + " /" + entry.version() + entry.path(), entry.body(),
            false));
      }
      assertThat(sandbox.ovhApi().journal().entries()).hasSizeGreaterThan(40);
      assertThat(problems).as("sandbox answers that break OVHcloud's published schemas").isEmpty();
    } finally {
      sandbox.close();
    }
  }

  @AfterEach
  void reset() {
    clients.forEach(OvhApi::close);
    sandbox.ovhApi().faults().clear();
    sandbox.ovhApi().clockSkew(Duration.ZERO);
    sandbox.ovhApi().allowAll();
    sandbox.ovhApi().pageSize(25);
    sandbox.ovhApi().tokenLifetime(Duration.ofHours(1));
  }

  private OvhApi client(OvhCredentials credentials) {
    OvhApi api = OvhApi.builder().endpoint(sandbox.ovhEndpoint()).credentials(credentials)
        .sslContext(sandbox.clientSslContext()).retryPolicy(new RetryPolicy(4, Duration.ofMillis(1),
            Duration.ofSeconds(5)))
        .sleeper(sleeps::add).log(log::add).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(2)).build();
    clients.add(api);
    return api;
  }

  @Test
  void everyTypedCallWorksWithTheApplicationKeyScheme() throws Exception {
    long before = sandbox.ovhApi().counters().count("GET /v1/auth/time");

    EveryTypedCall.run(client(sandbox.applicationKey()), sandbox.accountUrn());

    assertThat(sandbox.ovhApi().counters().count("GET /v1/auth/time") - before).isEqualTo(1);
  }

  @Test
  void everyTypedCallWorksWithAnOauth2ServiceAccountAndOneToken() throws Exception {
    long tokensBefore = sandbox.ovhApi().counters().count("POST /auth/oauth2/token");

    EveryTypedCall.run(client(sandbox.serviceAccount()), sandbox.accountUrn());

    assertThat(sandbox.ovhApi().counters().count("POST /auth/oauth2/token") - tokensBefore).isEqualTo(1);
  }

  @Test
  void aBearerTokenObtainedElsewhereIsSentAsIs() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(sandbox.clientSslContext())
        .build();
    String form = "grant_type=client_credentials&client_id=" + sandbox.serviceAccount().clientId()
        + "&client_secret=" + sandbox.serviceAccount().clientSecret().reveal() + "&scope=all";
    String answer = http.send(java.net.http.HttpRequest.newBuilder(sandbox.ovhEndpoint().tokenUrl())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    String token = io.github.okmsvm.core.common.Json.mapper().readTree(answer).get("access_token").asText();

    assertThat(new OkmsApi(client(new OvhCredentials.AccessToken(Secret.of(token)))).regions()).hasSize(13);
    sandbox.ovhApi().revokeTokens();
    assertThatThrownBy(() -> new OkmsApi(client(new OvhCredentials.AccessToken(Secret.of(token)))).regions())
        .satisfies(e -> assertThat(((OvhApiException) e).status()).isEqualTo(401))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
  }

  @Test
  void oauth2TokensAreRefreshedBeforeExpiryAndOnceOn401() {
    OvhApi api = client(sandbox.serviceAccount());
    OkmsApi okms = new OkmsApi(api);
    long before = sandbox.ovhApi().counters().count("POST /auth/oauth2/token");
    okms.regions();
    okms.regions();
    assertThat(sandbox.ovhApi().counters().count("POST /auth/oauth2/token") - before).isEqualTo(1);

    sandbox.ovhApi().revokeTokens();
    okms.regions();
    assertThat(sandbox.ovhApi().counters().count("POST /auth/oauth2/token") - before).isEqualTo(2);

    // tokens that live 30 s are inside the one-minute refresh margin: the client fetches a new one for each call
    sandbox.ovhApi().tokenLifetime(Duration.ofSeconds(30));
    sandbox.ovhApi().revokeTokens();
    okms.regions(); // 401 with the revoked token, then a 30-second token
    okms.regions(); // refreshed before use
    assertThat(sandbox.ovhApi().counters().count("POST /auth/oauth2/token") - before).isEqualTo(4);
  }

  @Test
  void followsCursorsOverSeveralPages() {
    OvhApi api = client(sandbox.applicationKey());
    IamApi iam = new IamApi(api);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(iam.create(new IamApi.PolicyRequest("paged-" + i, null, List.of(sandbox.accountUrn()),
          List.of(new IamApi.ResourceRef("urn:v1:eu:resource:okms:x")), IamApi.Permissions.allowing(
              List.of("okms:kmip:get")))).id());
    }
    sandbox.ovhApi().pageSize(2);
    long before = sandbox.ovhApi().counters().count("GET /v2/iam/policy");

    List<IamApi.Policy> all = iam.policies();

    assertThat(all).extracting(IamApi.Policy::id).containsAll(created);
    assertThat(sandbox.ovhApi().counters().count("GET /v2/iam/policy") - before).isEqualTo(3);
    created.forEach(iam::delete);
  }

  @Test
  void retriesReadsOn503And429HonouringRetryAfter() {
    OkmsApi okms = new OkmsApi(client(sandbox.applicationKey()));
    String route = "GET /v2/okms/reference/regions";
    sandbox.ovhApi().faults().inject(route, new Fault.ServerError(503), 2)
        .inject(route, new Fault.TooManyRequests(3), 1);
    long before = sandbox.ovhApi().counters().count(route);

    assertThat(okms.regions()).hasSize(13);

    assertThat(sandbox.ovhApi().counters().count(route) - before).isEqualTo(4);
    assertThat(sleeps).hasSize(3).contains(Duration.ofSeconds(3));
  }

  @Test
  void retriesReadsOnResetAndStall() {
    OkmsApi okms = new OkmsApi(client(sandbox.applicationKey()));
    String route = "GET /v2/okms/reference/regions";
    sandbox.ovhApi().faults().inject(route, new Fault.Reset(), 1)
        .inject(route, new Fault.Stall(Duration.ofSeconds(3)), 1);

    assertThat(okms.regions()).hasSize(13);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void neverRetriesAPost() {
    IamApi iam = new IamApi(client(sandbox.applicationKey()));
    String route = "POST /v2/iam/policy";
    sandbox.ovhApi().faults().inject(route, new Fault.ServerError(503), 1);
    long before = sandbox.ovhApi().counters().count(route);
    IamApi.PolicyRequest request = new IamApi.PolicyRequest("once", null, List.of(sandbox.accountUrn()),
        List.of(new IamApi.ResourceRef("urn:v1:eu:resource:okms:x")), IamApi.Permissions.allowing(
            List.of("okms:kmip:get")));

    assertThatThrownBy(() -> iam.create(request)).isInstanceOf(OvhApiException.class)
        .satisfies(e -> assertThat(((OvhApiException) e).status()).isEqualTo(503));
    sandbox.ovhApi().faults().inject(route, new Fault.Reset(), 1);
    assertThatThrownBy(() -> iam.create(request)).isInstanceOf(OvhTransportException.class)
        .hasMessageContaining("it may or may not have been applied");

    assertThat(sandbox.ovhApi().counters().count(route) - before).isEqualTo(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anAmbiguousWriteIsReportedAsSuchAndWasApplied() {
    IamApi iam = new IamApi(client(sandbox.applicationKey()));
    sandbox.ovhApi().faults().inject("POST /v2/iam/policy", new Fault.LoseAnswer(), 1);

    assertThatThrownBy(() -> iam.create(new IamApi.PolicyRequest("ambiguous", null, List.of(sandbox.accountUrn()),
        List.of(new IamApi.ResourceRef("urn:v1:eu:resource:okms:x")), IamApi.Permissions.allowing(
            List.of("okms:kmip:get")))))
        .isInstanceOf(OvhTransportException.class)
        .hasMessageStartingWith("OVHcloud API POST /v2/iam/policy got no answer (");

    IamApi.Policy applied = iam.policies().stream().filter(policy -> policy.name().equals("ambiguous"))
        .findFirst().orElseThrow();
    iam.delete(applied.id());
  }

  @Test
  void everyTypedCallStillWorksInASeededStormOfReadFaults() throws Exception {
    sandbox.ovhApi().faults().storm(42, 0.2, "GET", List.of(new Fault.ServerError(502), new Fault.ServerError(503),
        new Fault.TooManyRequests(0), new Fault.Reset()));
    OvhApi api = OvhApi.builder().endpoint(sandbox.ovhEndpoint()).credentials(sandbox.applicationKey())
        .sslContext(sandbox.clientSslContext()).retryPolicy(new RetryPolicy(8, Duration.ofMillis(1),
            Duration.ofMillis(5)))
        .sleeper(sleeps::add).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    clients.add(api);

    EveryTypedCall.run(api, sandbox.accountUrn());

    assertThat(sleeps).isNotEmpty();
  }

  @Test
  void correctsAClockSkewOfTenMinutesEitherWay() {
    for (Duration skew : List.of(Duration.ofMinutes(10), Duration.ofMinutes(-10))) {
      sandbox.ovhApi().clockSkew(skew);
      assertThat(new OkmsApi(client(sandbox.applicationKey())).regions()).hasSize(13);
    }
  }

  @Test
  void authenticationErrorsHaveTheRealShapesAndSayWhatToFix() {
    OvhCredentials.ApplicationKey good = sandbox.applicationKey();
    OvhCredentials wrongSecret = new OvhCredentials.ApplicationKey(good.applicationKey(), Secret.of("nope"),
        good.consumerKey());
    OvhCredentials unknownApplication = new OvhCredentials.ApplicationKey("unknown", good.applicationSecret(),
        good.consumerKey());
    OvhCredentials unknownConsumer = new OvhCredentials.ApplicationKey(good.applicationKey(),
        good.applicationSecret(), Secret.of("unknown-consumer"));

    assertThatThrownBy(() -> new OkmsApi(client(wrongSecret)).regions())
        .isInstanceOf(OvhApiException.class)
        .satisfies(e -> {
          OvhApiException error = (OvhApiException) e;
          assertThat(error.status()).isEqualTo(400);
          assertThat(error.errorClass()).isEqualTo("Client::BadRequest");
          assertThat(error.apiMessage()).isEqualTo("Invalid signature");
          assertThat(error.queryId()).startsWith("EU.sandbox-");
        })
        .hasMessageStartingWith("OVHcloud API GET /v2/okms/reference/regions: HTTP 400 Client::BadRequest"
            + " \"Invalid signature\": check the application secret and consumer key");
    assertThatThrownBy(() -> new OkmsApi(client(unknownApplication)).regions())
        .hasMessageContaining("HTTP 403 Client::Forbidden \"Invalid application key\"");
    assertThatThrownBy(() -> new OkmsApi(client(unknownConsumer)).regions())
        .hasMessageContaining("HTTP 403 Client::Forbidden \"This credential does not exist\"");
  }

  @Test
  void aMissingIamRightNamesTheActionToGrant() {
    sandbox.ovhApi().deny("okms:apiovh:credential/create");
    OkmsApi okms = new OkmsApi(client(sandbox.applicationKey()));
    String okmsId = okms.resources(null).get(0).id();

    assertThatThrownBy(() -> okms.createCredential(okmsId, new OkmsApi.CredentialCreation("x",
        List.of(sandbox.accountUrn()), null, null, null, null)))
        .satisfies(e -> assertThat(((OvhApiException) e).missingActions())
            .containsExactly("okms:apiovh:credential/create"))
        .hasMessageContaining("grant these IAM actions to the identity used, in an IAM policy on this resource:"
            + " okms:apiovh:credential/create");
  }

  @Test
  void okmsValidationErrorsCarryTheirClass() {
    OkmsApi okms = new OkmsApi(client(sandbox.applicationKey()));
    String okmsId = okms.resources(null).get(0).id();

    assertThatThrownBy(() -> okms.createCredential(okmsId, new OkmsApi.CredentialCreation("x",
        List.of(sandbox.accountUrn()), null, null, "-----BEGIN CERTIFICATE REQUEST-----\nAA\n-----END CERTIFICATE"
            + " REQUEST-----\n", OkmsApi.CertificateType.ECDSA)))
        .satisfies(e -> assertThat(((OvhApiException) e).errorClass())
            .isEqualTo("Client::BadRequest::CredentialCertificateTypeIncompatibleFields"));
    assertThatThrownBy(() -> okms.createCredential(okmsId, new OkmsApi.CredentialCreation("x",
        List.of("urn:v1:eu:resource:okms:not-an-identity"), null, null, null, null)))
        .satisfies(e -> assertThat(((OvhApiException) e).errorClass())
            .isEqualTo("Client::BadRequest::CredentialIdentityURNsInvalidURN"));
    assertThatThrownBy(() -> okms.resource("00000000-0000-0000-0000-000000000000", false))
        .hasMessageContaining("The requested object (okmsId = 00000000-0000-0000-0000-000000000000) does not exist")
        .satisfies(e -> assertThat(((OvhApiException) e).isNotFound()).isTrue());
  }

  @Test
  void noSecretReachesALogLineAnExceptionOrToString() throws Exception {
    OvhCredentials.ApplicationKey keys = sandbox.applicationKey();
    OvhCredentials.ServiceAccount account = sandbox.serviceAccount();
    List<String> captured = new ArrayList<>();
    EveryTypedCall.run(client(keys), sandbox.accountUrn());
    EveryTypedCall.run(client(account), sandbox.accountUrn());
    try {
      new OkmsApi(client(new OvhCredentials.ApplicationKey(keys.applicationKey(), keys.applicationSecret(),
          Secret.of("ck-" + keys.consumerKey().reveal())))).regions();
    } catch (OvhApiException e) {
      captured.add(e.getMessage());
      captured.add(e.toString());
    }
    try {
      new OkmsApi(client(new OvhCredentials.ServiceAccount(account.clientId(),
          Secret.of(account.clientSecret().reveal() + "x")))).regions();
    } catch (OvhApiException e) {
      captured.add(e.getMessage());
    }
    captured.addAll(log);
    captured.add(keys.toString());
    captured.add(account.toString());

    String everything = String.join("\n", captured);
    assertThat(log).isNotEmpty();
    for (String secret : List.of(keys.applicationSecret().reveal(), keys.consumerKey().reveal(),
        account.clientSecret().reveal(), "eyJ")) {
      assertThat(everything).doesNotContain(secret);
    }
  }
}
