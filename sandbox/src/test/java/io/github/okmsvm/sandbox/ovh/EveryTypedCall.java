package io.github.okmsvm.sandbox.ovh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OrderApi;
import io.github.okmsvm.core.ovh.OvhApi;
import io.github.okmsvm.core.ovh.PccApi;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.KeyAndChain;
import io.github.okmsvm.core.tls.KeyMatch;
import io.github.okmsvm.core.tls.OkmsCredentialCertificate;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.sandbox.pki.CertificateAuthority;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Every typed call of the four APIs, in the guide's order, with what each must answer. */
final class EveryTypedCall {
  static final String PCC = "pcc-198-51-100-1";

  private EveryTypedCall() {}

  static void run(OvhApi api, String accountUrn) throws Exception {
    OkmsApi okms = new OkmsApi(api);
    OrderApi orders = new OrderApi(api);
    PccApi pcc = new PccApi(api);
    IamApi iam = new IamApi(api);

    // 1. order an OKMS
    assertThat(okms.regions()).extracting(OkmsApi.Region::id).contains("eu-west-rbx", "ca-east-bhs").hasSize(13);
    OrderApi.Me me = orders.me();
    OrderApi.Cart cart = orders.createCart(me.ovhSubsidiary(), "okms", java.time.Instant.now().plusSeconds(3600));
    orders.assignCart(cart.cartId());
    OrderApi.CartItem item = orders.addOkms(cart.cartId());
    assertThat(orders.configure(cart.cartId(), item.itemId(), "region", "eu-west-sbg").value())
        .isEqualTo("eu-west-sbg");
    OrderApi.Order order = orders.checkout(cart.cartId(), false);
    assertThat(order.prices().withoutTax().value()).isZero();
    List<Long> methods = orders.defaultPaymentMethods();
    orders.pay(order.orderId(), methods.get(0));
    assertThat(orders.orderIds()).contains(order.orderId());
    // the order moves on with time, whether read or not: every status read until delivery, in order
    List<OrderApi.OrderStatus> seen = new java.util.ArrayList<>();
    await(() -> {
      OrderApi.OrderStatus status = orders.status(order.orderId());
      if (seen.isEmpty() || seen.get(seen.size() - 1) != status) {
        seen.add(status);
      }
      return status == OrderApi.OrderStatus.DELIVERED;
    });
    assertThat(seen).startsWith(OrderApi.OrderStatus.CHECKING).endsWith(OrderApi.OrderStatus.DELIVERED)
        .isSubsetOf(OrderApi.OrderStatus.CHECKING, OrderApi.OrderStatus.DELIVERING, OrderApi.OrderStatus.DELIVERED)
        .doesNotHaveDuplicates();
    long detailId = orders.detailIds(order.orderId()).get(0);
    assertThat(orders.extension(order.orderId(), detailId).planCode()).isEqualTo("okms");
    String okmsId = orders.detail(order.orderId(), detailId).domain();
    OkmsApi.Resource fresh = okms.resource(okmsId, false);
    assertThat(fresh.iam().state()).isEqualTo(io.github.okmsvm.core.ovh.IamMetadata.State.IN_CREATION);
    await(() -> okms.resource(okmsId, false).iam().state() == io.github.okmsvm.core.ovh.IamMetadata.State.OK);
    OkmsApi.Resource resource = okms.resource(okmsId, true);
    assertThat(resource.region()).isEqualTo("eu-west-sbg");
    assertThat(resource.publicCA()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(okms.resources(null)).extracting(OkmsApi.Resource::id).contains(okmsId);
    assertThat(okms.resources(Map.of("ovh:region", List.of(OkmsApi.TagFilter.equalTo("eu-west-sbg")))))
        .extracting(OkmsApi.Resource::region).isNotEmpty().containsOnly("eu-west-sbg");

    // 2. the PCC and its KMS entry
    PccApi.DedicatedCloud dedicatedCloud = pcc.dedicatedCloud(PCC);
    assertThat(dedicatedCloud.iam().urn()).isEqualTo("urn:v1:eu:resource:pccVMware:" + PCC);
    assertThat(pcc.vmEncryption(PCC).state()).isEqualTo("disabled");
    PccApi.Task created = pcc.createKms(PCC, new PccApi.KmsCreation("127.0.0.1",
        "A7:61:68:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00", "OKMS sandbox"));
    assertThat(created.state()).isEqualTo(PccApi.TaskState.TODO);
    assertThat(pcc.taskIds(PCC, PccApi.TaskState.TODO, null)).contains(created.taskId());
    awaitTask(pcc, created.taskId());
    long kmsId = pcc.kmsIds(PCC).get(0);
    assertThat(pcc.kms(PCC, kmsId).state()).isEqualTo(PccApi.KmsState.DELIVERED);
    assertThat(pcc.vmEncryption(PCC).state()).isEqualTo("enabled");
    awaitTask(pcc, pcc.changeKmsProperties(PCC, kmsId, new PccApi.KmsChange(
        "B7:61:68:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00", null)).taskId());
    assertThat(pcc.kms(PCC, kmsId).sslThumbprint()).startsWith("B7:");
    long userId = pcc.userIds(PCC).get(0);
    awaitTask(pcc, pcc.changeEncryptionRight(PCC, userId, true).taskId());
    assertThat(pcc.user(PCC, userId).encryptionRight()).isTrue();

    // 3. a credential for a CSR whose key stays here, and one whose key OKMS makes
    CertificateAuthority.KeyType keyType = CertificateAuthority.KeyType.EC_P256;
    KeyAndChain vcenter = CertificateAuthority.create("CN=vcenter").issue(keyType,
        CertificateAuthority.template("CN=vcenter.example"));
    String csr = Pem.write(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=vcenter.example"),
        vcenter.certificate().getPublicKey()).build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(vcenter.privateKey())));
    OkmsApi.CreatedCredential fromCsr = okms.createCredential(okmsId, new OkmsApi.CredentialCreation("vcenter-kms",
        List.of(accountUrn), "vSphere KMS", 365L, csr, null));
    assertThat(fromCsr.status()).isEqualTo(OkmsApi.CredentialStatus.CREATING);
    assertThat(fromCsr.privateKeyPEM()).isNull();
    assertThat(okms.credential(okmsId, fromCsr.id()).status()).isEqualTo(OkmsApi.CredentialStatus.CREATING);
    await(() -> okms.credential(okmsId, fromCsr.id()).status() == OkmsApi.CredentialStatus.READY);
    OkmsApi.Credential ready = okms.credential(okmsId, fromCsr.id());
    X509Certificate signed = Pem.certificate(ready.certificatePEM(), "certificatePEM");
    assertThat(KeyMatch.matches(vcenter.privateKey(), signed)).isTrue();
    assertThat(OkmsCredentialCertificate.okmsId(signed)).isEqualTo(okmsId);
    assertThat(signed.getIssuerX500Principal().getName()).isEqualTo("CN=CCMUsersCA");
    assertThat(signed.getSerialNumber().toString(16)).isEqualTo(fromCsr.id().replace("-", "").replaceFirst("^0+", ""));
    ChainVerifier.verify(List.of(signed), resource.publicCA(), "publicCA");
    OkmsApi.CreatedCredential withKey = okms.createCredential(okmsId, new OkmsApi.CredentialCreation("ci",
        List.of(accountUrn), null, 30L, null, OkmsApi.CertificateType.RSA));
    assertThat(withKey.privateKeyPEM().reveal()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(okms.credentials(okmsId)).extracting(OkmsApi.Credential::name).containsExactly("vcenter-kms", "ci");
    try {
      okms.deleteCredential(okmsId, withKey.id());
      throw new AssertionError("a CREATING credential cannot be deleted");
    } catch (io.github.okmsvm.core.ovh.OvhApiException e) {
      assertThat(e.errorClass()).isEqualTo("Client::BadRequest::CredentialStatusInvalid");
    }
    await(() -> okms.credential(okmsId, withKey.id()).status() == OkmsApi.CredentialStatus.READY);
    assertThat(okms.deleteCredential(okmsId, withKey.id()).name()).isEqualTo("ci");
    assertThat(okms.serviceKeys(okmsId)).isEmpty();
    try {
      okms.serviceKey(okmsId, "00000000-0000-0000-0000-000000000000");
      throw new AssertionError("the sandbox OKMS has no service key");
    } catch (io.github.okmsvm.core.ovh.OvhApiException e) {
      assertThat(e.isNotFound()).isTrue();
    }

    // 4. the IAM policy
    assertThat(iam.actions("okms")).extracting(IamApi.Action::action).contains("okms:kmip:get");
    IamApi.PolicyRequest request = new IamApi.PolicyRequest("okms-vm-encryption", "VM encryption",
        List.of(accountUrn), List.of(new IamApi.ResourceRef(resource.iam().urn()),
            new IamApi.ResourceRef(dedicatedCloud.iam().urn())),
        IamApi.Permissions.allowing(List.of("okms:kmip:get", "pccVMware:apiovh:vmEncryption/kms/changeProperties")));
    IamApi.Policy policy = iam.create(request);
    assertThat(iam.policy(policy.id()).identities()).containsExactly(accountUrn);
    IamApi.Policy updated = iam.update(policy.id(), new IamApi.PolicyRequest(request.name(), "updated",
        request.identities(), request.resources(), request.permissions()));
    assertThat(updated.description()).isEqualTo("updated");
    assertThat(iam.policies()).extracting(IamApi.Policy::name).contains("okms-vm-encryption");
    iam.delete(policy.id());
    assertThat(iam.policies()).extracting(IamApi.Policy::id).doesNotContain(policy.id());

    // clean up what the next run of this scenario would find
    awaitTask(pcc, pcc.deleteKms(PCC, kmsId).taskId());
    assertThat(pcc.kmsIds(PCC)).doesNotContain(kmsId);
  }

  static void awaitTask(PccApi pcc, long taskId) {
    await(() -> pcc.task(PCC, taskId).state().isFinal());
  }

  /** Reads until {@code done} says so, as a client polls a state that time moves on. */
  static void await(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not there after 10 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
