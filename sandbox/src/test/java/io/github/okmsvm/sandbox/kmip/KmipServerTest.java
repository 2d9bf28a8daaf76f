package io.github.okmsvm.sandbox.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.okmsvm.core.kmip.KmipClientCredentials;
import io.github.okmsvm.core.kmip.ObjectType;
import io.github.okmsvm.core.kmip.Operation;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.kmip.Tag;
import io.github.okmsvm.core.kmip.Ttlv;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import io.github.okmsvm.sandbox.pki.CertificateAuthority.KeyType;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox KMS as a KMIP 1.x server: vCenter's sequence, batches, the object life cycle and OKMS's access. */
class KmipServerTest {
  private static final AtomicReference<String> refusal = new AtomicReference<>();
  private static final AtomicReference<String> denial = new AtomicReference<>();
  private static CertificateAuthority okmsCa;
  private static KmipEndpoint endpoint;
  private static KmipClientCredentials credentials;

  @BeforeAll
  static void start() {
    okmsCa = CertificateAuthority.create("CN=CCMUsersCA");
    endpoint = KmipEndpoint.start(okmsCa, new KmipAccess() {
      @Override
      public Optional<String> unauthenticated(X509Certificate client) {
        return Optional.ofNullable(refusal.get());
      }

      @Override
      public Optional<String> denied(X509Certificate client, String action) {
        return Optional.ofNullable(denial.get()).map(text -> text + " " + action);
      }
    }, new KmipObjects());
    KeyAndChain issued = okmsCa.issue(KeyType.EC_P256, CertificateAuthority.template("CN=vcenter").clientAuth());
    credentials = KmipClientCredentials.fromPem(Pem.write(issued.chain()), Pem.write(issued.privateKey()));
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  private static KmipClient client(ProtocolVersion version) throws IOException {
    return KmipClient.connect(endpoint.endpoint(), okmsCa.certificatePem(), credentials, version,
        Duration.ofSeconds(10));
  }

  private static Ttlv payload(Ttlv... items) {
    return Ttlv.structure(Tag.REQUEST_PAYLOAD, items);
  }

  private static Ttlv attribute(String name, Ttlv value) {
    return Ttlv.structure(Tag.ATTRIBUTE, Ttlv.text(Tag.ATTRIBUTE_NAME, name), value);
  }

  private static Ttlv aes256() {
    return payload(Ttlv.enumeration(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.code()),
        Ttlv.structure(Tag.TEMPLATE_ATTRIBUTE,
            attribute("Cryptographic Algorithm", Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, 3)),
            attribute("Cryptographic Usage Mask", Ttlv.integer(Tag.ATTRIBUTE_VALUE, 0x0C)),
            attribute("Cryptographic Length", Ttlv.integer(Tag.ATTRIBUTE_VALUE, 256))));
  }

  private static Ttlv id(String uid) {
    return payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid));
  }

  private static List<String> values(Ttlv attributes, String name) {
    return attributes.all(Tag.ATTRIBUTE).stream().filter(a -> a.required(Tag.ATTRIBUTE_NAME).asText().equals(name))
        .map(a -> String.valueOf(a.required(Tag.ATTRIBUTE_VALUE).value())).toList();
  }

  @Test
  void servesVcentersSequenceAtKmip11AndCountsTheKey() throws Exception {
    long before = endpoint.objects().count();
    try (KmipClient kms = client(ProtocolVersion.V1_1)) {
      String uid = kms.call(Operation.CREATE, aes256()).required(Tag.UNIQUE_IDENTIFIER).asText();
      List<KmipClient.Answer> labels = kms.batch(List.of(
          new KmipClient.Item(Operation.ADD_ATTRIBUTE, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid),
              attribute("x-Product_Version", Ttlv.text(Tag.ATTRIBUTE_VALUE, "8.0.3")))),
          new KmipClient.Item(Operation.ADD_ATTRIBUTE, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid),
              attribute("x-Vendor", Ttlv.text(Tag.ATTRIBUTE_VALUE, "VMware, Inc.")))),
          new KmipClient.Item(Operation.ADD_ATTRIBUTE, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid),
              attribute("x-Product", Ttlv.text(Tag.ATTRIBUTE_VALUE, "VMware vSphere"))))));
      Ttlv attributes = kms.call(Operation.GET_ATTRIBUTES, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid),
          Ttlv.text(Tag.ATTRIBUTE_NAME, "State"), Ttlv.text(Tag.ATTRIBUTE_NAME, "x-Vendor")));
      Ttlv key = kms.call(Operation.GET, id(uid));

      assertThat(labels).hasSize(3).allSatisfy(answer -> assertThat(answer.succeeded()).isTrue())
          .extracting(answer -> new String(answer.batchItemId(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .containsOnly("QLKC");
      assertThat(labels).extracting(answer -> answer.batchItemId()[4]).containsExactly((byte) 1, (byte) 2, (byte) 3);
      assertThat(values(attributes, "State")).containsExactly("1"); // Pre-Active
      assertThat(values(attributes, "x-Vendor")).containsExactly("VMware, Inc.");
      assertThat(key.required(Tag.SYMMETRIC_KEY).required(Tag.KEY_BLOCK).required(Tag.KEY_VALUE)
          .required(Tag.KEY_MATERIAL).asBytes()).hasSize(32);
      assertThat(endpoint.objects().contains(uid)).isTrue();
    }
    assertThat(endpoint.objects().count() - before).isEqualTo(1);
  }

  @Test
  void movesObjectsThroughTheirStatesAndRefusesWhatKmipForbids() throws Exception {
    try (KmipClient kms = client(ProtocolVersion.V1_4)) {
      String uid = kms.call(Operation.CREATE, aes256()).required(Tag.UNIQUE_IDENTIFIER).asText();
      kms.call(Operation.ACTIVATE, id(uid));
      assertThatThrownBy(() -> kms.call(Operation.ACTIVATE, id(uid))).isInstanceOf(KmipClient.Refusal.class)
          .hasMessage("Activate failed: PermissionDenied (object " + uid + " is Active: only a Pre-Active object is"
              + " activated)");
      assertThatThrownBy(() -> kms.call(Operation.DESTROY, id(uid)))
          .hasMessage("Destroy failed: PermissionDenied (object " + uid + " is Active: revoke it before destroying"
              + " it)");

      String renewed = kms.call(Operation.RE_KEY, id(uid)).required(Tag.UNIQUE_IDENTIFIER).asText();
      Ttlv links = kms.call(Operation.GET_ATTRIBUTES, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, renewed),
          Ttlv.text(Tag.ATTRIBUTE_NAME, "Link"), Ttlv.text(Tag.ATTRIBUTE_NAME, "State")));
      assertThat(renewed).isNotEqualTo(uid);
      assertThat(values(links, "State")).containsExactly("2"); // Active, as the key it replaces
      assertThat(links.all(Tag.ATTRIBUTE).get(0).required(Tag.ATTRIBUTE_VALUE)
          .required(Tag.LINKED_OBJECT_IDENTIFIER).asText()).isEqualTo(uid);

      kms.call(Operation.REVOKE, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid), Ttlv.structure(
          Tag.REVOCATION_REASON, Ttlv.enumeration(Tag.REVOCATION_REASON_CODE, 0x06))));
      assertThat(values(kms.call(Operation.GET_ATTRIBUTES, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, uid),
          Ttlv.text(Tag.ATTRIBUTE_NAME, "State"))), "State")).containsExactly("3"); // Deactivated
      kms.call(Operation.DESTROY, id(uid));
      assertThatThrownBy(() -> kms.call(Operation.GET, id(uid)))
          .hasMessage("Get failed: ItemNotFound (no object " + uid + " in this OKMS)");
      assertThat(endpoint.objects().contains(renewed)).isTrue();

      Ttlv des = payload(Ttlv.enumeration(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.code()),
          Ttlv.structure(Tag.TEMPLATE_ATTRIBUTE,
              attribute("Cryptographic Algorithm", Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, 1)),
              attribute("Cryptographic Length", Ttlv.integer(Tag.ATTRIBUTE_VALUE, 56))));
      assertThatThrownBy(() -> kms.call(Operation.CREATE, des)).hasMessageStartingWith(
          "Create failed: InvalidField (Cryptographic Algorithm 1 is not supported for symmetric keys: use AES");
      assertThatThrownBy(() -> kms.call(Operation.ADD_ATTRIBUTE, payload(Ttlv.text(Tag.UNIQUE_IDENTIFIER, renewed),
          attribute("State", Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, 1)))))
          .hasMessage("AddAttribute failed: PermissionDenied (State is set by the server, not by a client)");
      assertThatThrownBy(() -> kms.call(Operation.ENCRYPT, id(renewed)))
          .hasMessage("Encrypt failed: OperationNotSupported (Encrypt is not supported by OKMS)");
    }
  }

  @Test
  void findsObjectsByAttributesAndKeepsRegisteredSecrets() throws Exception {
    try (KmipClient kms = client(ProtocolVersion.V1_2)) {
      Ttlv name = Ttlv.structure(Tag.ATTRIBUTE_VALUE, Ttlv.text(Tag.NAME_VALUE, "located-" + System.nanoTime()),
          Ttlv.enumeration(Tag.NAME_TYPE, 1));
      Ttlv named = payload(Ttlv.enumeration(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.code()),
          Ttlv.structure(Tag.TEMPLATE_ATTRIBUTE,
              attribute("Cryptographic Algorithm", Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, 3)),
              attribute("Cryptographic Length", Ttlv.integer(Tag.ATTRIBUTE_VALUE, 128)), attribute("Name", name)));
      String uid = kms.call(Operation.CREATE, named).required(Tag.UNIQUE_IDENTIFIER).asText();
      Ttlv found = kms.call(Operation.LOCATE, payload(attribute("Name", name)));
      assertThat(found.all(Tag.UNIQUE_IDENTIFIER)).extracting(Ttlv::asText).containsExactly(uid);

      byte[] secret = "correct horse".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      String secretId = kms.call(Operation.REGISTER, payload(Ttlv.enumeration(Tag.OBJECT_TYPE,
          ObjectType.SECRET_DATA.code()), Ttlv.structure(Tag.TEMPLATE_ATTRIBUTE),
          Ttlv.structure(Tag.SECRET_DATA, Ttlv.enumeration(Tag.SECRET_DATA_TYPE, 1), Ttlv.structure(Tag.KEY_BLOCK,
              Ttlv.enumeration(Tag.KEY_FORMAT_TYPE, 2), Ttlv.structure(Tag.KEY_VALUE,
                  Ttlv.bytes(Tag.KEY_MATERIAL, secret)))))).required(Tag.UNIQUE_IDENTIFIER).asText();
      assertThat(kms.call(Operation.GET, id(secretId)).required(Tag.SECRET_DATA).required(Tag.KEY_BLOCK)
          .required(Tag.KEY_VALUE).required(Tag.KEY_MATERIAL).asBytes()).isEqualTo(secret);
    }
  }

  @Test
  void aBatchStopsAtItsFirstFailureAndTheIdPlaceholderNamesWhatItMade() throws Exception {
    try (KmipClient kms = client(ProtocolVersion.V1_4)) {
      List<KmipClient.Answer> answers = kms.batch(List.of(new KmipClient.Item(Operation.CREATE, aes256()),
          new KmipClient.Item(Operation.ACTIVATE, payload()), new KmipClient.Item(Operation.ACTIVATE, payload()),
          new KmipClient.Item(Operation.GET, payload())));

      assertThat(answers).extracting(KmipClient.Answer::succeeded).containsExactly(true, true, false);
      assertThat(answers.get(2).message()).endsWith("only a Pre-Active object is activated");
    }
  }

  @Test
  void answersARequestAtAVersionItDoesNotSpeakAtItsOwnHighest() throws Exception {
    try (KmipClient kms = client(new ProtocolVersion(2, 0))) {
      assertThatThrownBy(() -> kms.call(Operation.QUERY, payload()))
          .hasMessageEndingWith(" failed: InvalidMessage (protocol version 2.0 is not supported: use 1.0 to 1.4)");
    }
  }

  @Test
  void everyOperationNeedsALiveCredentialAndEachObjectOperationItsIamAction() throws Exception {
    refusal.set("the client certificate is revoked: its credential c-1 was deleted");
    try (KmipClient kms = client(ProtocolVersion.V1_1)) {
      assertThatThrownBy(() -> kms.call(Operation.DISCOVER_VERSIONS, payload()))
          .hasMessage("DiscoverVersions failed: AuthenticationNotSuccessful (the client certificate is revoked: its"
              + " credential c-1 was deleted)");
    } finally {
      refusal.set(null);
    }
    denial.set("IAM allows no");
    try (KmipClient kms = client(ProtocolVersion.V1_1)) {
      kms.call(Operation.DISCOVER_VERSIONS, payload());
      assertThatThrownBy(() -> kms.call(Operation.CREATE, aes256()))
          .hasMessage("Create failed: PermissionDenied (IAM allows no okms:kmip:create)");
    } finally {
      denial.set(null);
    }
  }
}
