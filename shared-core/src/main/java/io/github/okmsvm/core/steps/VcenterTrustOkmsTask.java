package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.CREDENTIAL_NAME;
import static io.github.okmsvm.core.config.SettingNames.CREDENTIAL_VALIDITY_DAYS;
import static io.github.okmsvm.core.config.SettingNames.IDENTITY_URNS;
import static io.github.okmsvm.core.config.SettingNames.KMIP_ENDPOINT;
import static io.github.okmsvm.core.config.SettingNames.OVH_API;
import static io.github.okmsvm.core.config.SettingNames.PROVIDER_NAME;
import static io.github.okmsvm.core.config.SettingNames.RENEW_BEFORE_DAYS;
import static io.github.okmsvm.core.config.SettingNames.SET_DEFAULT;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_API;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.ovh.OkmsApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import io.github.okmsvm.core.ovh.OvhTransportException;
import io.github.okmsvm.core.tls.CertificateDetails;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.KeyMatch;
import io.github.okmsvm.core.tls.OkmsCredentialCertificate;
import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.core.tls.TlsException;
import io.github.okmsvm.core.vsphere.CryptoManager;
import io.github.okmsvm.core.vsphere.VimException;
import io.github.okmsvm.core.vsphere.VimFault;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Guide step 3: vCenter and OKMS trust each other. Converges a standard key provider for the OKMS KMIP endpoint;
 * vCenter trusting the KMS certificate (checked against the OKMS CA first); a vCenter CSR signed by OKMS as a
 * credential (reusing a ready one that matches the CSR's key, renewing before expiry); the provider connected with
 * both trust flags; and the provider as vCenter's default. The private key never leaves vCenter.
 */
public final class VcenterTrustOkmsTask implements GuideStep {
  @Override
  public String name() {
    return "vcenterTrustOkms";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(KMIP_ENDPOINT, IDENTITY_URNS, CREDENTIAL_NAME, CREDENTIAL_VALIDITY_DAYS,
        RENEW_BEFORE_DAYS, PROVIDER_NAME, SET_DEFAULT), OVH_API, VCENTER_API);
  }

  private static final int CSR_RACE_ATTEMPTS = 3;

  /** vCenter's CSR changed under this run (another run generated a new one): converge again on the new one. */
  private static final class CsrReplaced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CsrReplaced() {
      super(null, null, false, false);
    }
  }

  @Override
  public void validate(EncryptionSettings settings) {
    Checks.all(settings::validateOkms, () -> Checks.kmipEndpoint(settings.kmipEndpoint));
  }

  @Override
  public String run(StepContext context) {
    EncryptionSettings settings = context.settings();
    // vCenter's providers do not depend on the OKMS: read while it is looked for
    CryptoManager crypto = new CryptoManager(context.vcenter());
    ReadAhead<List<CryptoManager.KeyProvider>> providers = ReadAhead.start("kmip-servers", crypto::listKmipServers);
    Optional<String> okmsId = context.output(Outputs.OKMS_ID);
    Optional<String> endpointText = Optional.ofNullable(settings.kmipEndpoint)
        .or(() -> context.output(Outputs.KMIP_ENDPOINT));
    String providerName = settings.providerName != null ? settings.providerName
        : "okms-" + context.output(Outputs.REGION).orElse("kms");
    context.put(Outputs.PROVIDER_NAME, providerName);
    if (okmsId.isEmpty() || endpointText.isEmpty()) {
      if (context.plan()) {
        // the same changes the real run makes once the OKMS exists, with what can be known before it does
        context.change("add key provider " + providerName + " for the new OKMS's KMIP endpoint");
        return plannedSetUp(context, providerName, "the new OKMS");
      }
      throw new StepException("vcenterTrustOkms needs the OKMS: run okmsOrder first or give okmsId");
    }
    TlsEndpoint endpoint = TlsEndpoint.parse(endpointText.get(), TlsEndpoint.KMIP_PORT, "kmipEndpoint");
    CryptoManager.KmipServer server = new CryptoManager.KmipServer(providerName, endpoint.host(), endpoint.port());
    OkmsApi okms = context.okms();
    String okmsIdValue = okmsId.get();
    ReadAhead<List<OkmsApi.Credential>> credentials = ReadAhead.start("credentials",
        () -> okms.credentials(okmsIdValue));

    Optional<CryptoManager.KeyProvider> provider = providers.get().stream()
        .filter(p -> providerName.equals(p.id())).findFirst();
    if (provider.isEmpty()) {
      if (!context.change("add key provider " + providerName + " for " + endpoint)) {
        return plannedSetUp(context, providerName, endpoint.host());
      }
      try {
        crypto.registerKmipServer(providerName, server);
      } catch (VimException e) {
        if (provider(crypto, providerName).isEmpty()) {
          throw e; // not an answer lost after the fact: a real refusal
        }
      }
    } else if (provider.get().servers().stream().noneMatch(s -> s.address().equals(endpoint.host())
        && s.port() == endpoint.port())) {
      throw new StepException("key provider " + providerName + " already exists in vCenter for "
          + provider.get().servers() + ", not " + endpoint + ": give another providerName, or remove it in vCenter");
    }

    ProviderReads reads = provider.isPresent() ? ProviderReads.start(crypto, providerName, server, context) : null;
    trustServer(context, crypto, providerName, server, reads);
    OkmsApi.Credential live = clientCertificate(context, crypto, providerName, okmsId.get(), reads, credentials);
    if (context.plan()) {
      if (live != null) {
        deleteSuperseded(context, crypto, providerName, okmsId.get(), live, credentials);
      }
      if (settings.setDefault && provider.map(p -> !p.useAsDefault()).orElse(true)) {
        context.change(defaultSentence(providerName));
      }
      return "would finish key provider " + providerName;
    }
    boolean[] first = {true};
    CryptoManager.ProviderStatus status = context.await("key provider " + providerName + " to be connected", () -> {
      CryptoManager.ProviderStatus current = first[0] && reads != null && asRead(context) ? reads.status.get()
          : crypto.retrieveStatus(providerName, settings.timeout, context.waiting("key provider status"));
      first[0] = false;
      return current.servers().stream().allMatch(CryptoManager.ServerStatus::connected) && !current.servers()
          .isEmpty() ? Optional.of(current) : Optional.empty();
    });
    // also those a run that died before vCenter connected left behind
    if (live != null) {
      deleteSuperseded(context, crypto, providerName, okmsId.get(), live, credentials);
    }
    Optional<CryptoManager.KeyProvider> now = provider.isPresent() && asRead(context) ? provider
        : provider(crypto, providerName);
    if (settings.setDefault && now.map(p -> !p.useAsDefault()).orElse(true)) {
      if (context.change(defaultSentence(providerName))) {
        crypto.markDefault(providerName);
      }
    }
    return "key provider " + providerName + " " + status.overallStatus() + ", trusted both ways";
  }

  /** In plan mode, the rest of a new key provider's set-up, once its addition is listed; the step's summary. */
  private static String plannedSetUp(StepContext context, String providerName, String kmsHost) {
    EncryptionSettings settings = context.settings();
    context.change(trustSentence(kmsHost));
    context.change(csrSentence(false, providerName));
    context.change(signSentence(settings.credentialName));
    context.change(uploadSentence(settings.credentialName));
    if (settings.setDefault) {
      context.change(defaultSentence(providerName));
    }
    return "would set up key provider " + providerName;
  }

  /**
   * Whether what the step read ahead still holds: nothing changed since (in plan mode, nothing is ever made). After
   * a change the step reads again.
   */
  private static boolean asRead(StepContext context) {
    return context.plan() || context.changes().isEmpty();
  }

  /**
   * The reads of an existing provider, started together: vCenter's view of the KMS certificate, its client
   * certificate, and its status (which makes it connect to the KMS).
   */
  private record ProviderReads(ReadAhead<CryptoManager.ServerCertificate> serverCertificate,
      ReadAhead<String> clientCertificate, ReadAhead<CryptoManager.ProviderStatus> status) {
    /** The status only in a real run: a plan stops short of it. */
    static ProviderReads start(CryptoManager crypto, String providerName, CryptoManager.KmipServer server,
        StepContext context) {
      // the status first: its task and the wait for its end make it the longest
      ReadAhead<CryptoManager.ProviderStatus> status = context.plan() ? null : ReadAhead.start("provider-status",
          () -> crypto.retrieveStatus(providerName, context.settings().timeout,
              context.waiting("key provider status")));
      return new ProviderReads(
          ReadAhead.start("kms-certificate", () -> crypto.retrieveKmipServerCert(providerName, server)),
          ReadAhead.start("client-certificate", () -> crypto.retrieveClientCert(providerName)), status);
    }
  }

  private static Optional<CryptoManager.KeyProvider> provider(CryptoManager crypto, String providerName) {
    return crypto.listKmipServers().stream().filter(p -> providerName.equals(p.id())).findFirst();
  }

  private static String trustSentence(String host) {
    return "make vCenter trust the KMS certificate of " + host;
  }

  private static String csrSentence(boolean renewal, String providerName) {
    return (renewal ? "renew" : "create") + " vCenter's client CSR for " + providerName;
  }

  private static String signSentence(String credentialName) {
    return "have OKMS sign vCenter's CSR as credential " + credentialName;
  }

  private static String uploadSentence(String credentialName) {
    return "give vCenter the certificate OKMS signed as credential " + credentialName;
  }

  private static String defaultSentence(String providerName) {
    return "make " + providerName + " vCenter's default key provider";
  }

  /** vCenter trusts the KMS certificate, which must chain to the OKMS CA: no blind trust. */
  private static void trustServer(StepContext context, CryptoManager crypto, String providerName,
      CryptoManager.KmipServer server, ProviderReads reads) {
    CryptoManager.ServerCertificate certificate;
    try {
      certificate = reads != null && asRead(context) ? reads.serverCertificate.get()
          : crypto.retrieveKmipServerCert(providerName, server);
    } catch (VimFault e) {
      throw new StepException("vCenter cannot reach the KMS at " + server.address() + ":" + server.port() + " ("
          + e.getMessage() + "): in a PCC, vCenter reaches a KMS only once the PCC's KMS flow names its IP and"
          + " thumbprint; run pccOpenKmsFlow first", e);
    }
    String publicCa = context.output(Outputs.PUBLIC_CA).orElseThrow(() -> new StepException(
        "the OKMS publicCA is unknown: run okmsOrder first"));
    ChainVerifier.verify(Pem.certificates(certificate.certificatePem(), "KMS certificate"), publicCa, "publicCA");
    if (!Boolean.TRUE.equals(certificate.clientTrustServer())) {
      if (context.change(trustSentence(server.address()))) {
        crypto.uploadKmipServerCert(providerName, certificate.certificatePem());
      }
    }
  }

  /**
   * vCenter presents a certificate OKMS issued for its own CSR, valid beyond the renewal threshold. When another run
   * replaced vCenter's CSR meanwhile (vCenter then refuses this run's certificate), this run converges on that CSR.
   */
  private static OkmsApi.Credential clientCertificate(StepContext context, CryptoManager crypto, String providerName,
      String okmsId, ProviderReads reads, ReadAhead<List<OkmsApi.Credential>> credentials) {
    for (int attempt = 1; ; attempt++) {
      String[] csrSigned = {null};
      try {
        return convergeClientCertificate(context, crypto, providerName, okmsId,
            attempt == 1 ? reads : null, attempt == 1 ? credentials : null, csrSigned);
      } catch (CsrReplaced e) {
        if (attempt >= CSR_RACE_ATTEMPTS) {
          throw new StepException("vCenter's client CSR for " + providerName + " keeps being replaced by another"
              + " run: let the other run finish, then run again");
        }
        context.warn("another run replaced vCenter's client CSR for " + providerName + " meanwhile: converging on"
            + " its CSR");
      } catch (VimFault e) {
        String csrNow = crypto.retrieveClientCsr(providerName);
        boolean replaced = "InvalidArgument".equals(e.faultName()) && csrNow != null
            && !csrNow.equals(csrSigned[0]);
        if (!replaced || attempt >= CSR_RACE_ATTEMPTS) {
          throw e;
        }
        context.warn("another run replaced vCenter's client CSR for " + providerName + " meanwhile: converging on"
            + " its CSR");
      }
    }
  }

  /**
   * The credential vCenter's client certificate is now, kept or newly given; null when a plan would issue one.
   * {@code reads} and {@code credentials}, when given, are what the step read ahead; {@code csrSeen} receives the CSR
   * this attempt has signed.
   */
  private static OkmsApi.Credential convergeClientCertificate(StepContext context, CryptoManager crypto,
      String providerName, String okmsId, ProviderReads reads, ReadAhead<List<OkmsApi.Credential>> credentials,
      String[] csrSeen) {
    EncryptionSettings settings = context.settings();
    String owner = owner(context, providerName);
    String current = reads != null && asRead(context) ? reads.clientCertificate.get()
        : crypto.retrieveClientCert(providerName);
    if (current != null && !current.isBlank() && stillGood(current, okmsId, settings.renewBeforeDays)) {
      X509Certificate certificate = Pem.certificate(current, "client certificate");
      Optional<OkmsApi.Credential> live = liveCredential(context.okms(), okmsId, certificate,
          credentials != null && asRead(context) ? credentials.get() : context.okms().credentials(okmsId));
      if (live.isPresent()) {
        context.put(Outputs.CLIENT_CERTIFICATE_EXPIRY, certificate.getNotAfter().toInstant().toString());
        return live.get();
      }
      context.warn("vCenter's client certificate for " + providerName + " belongs to no live credential of OKMS "
          + okmsId + " (deleted?): OKMS refuses it, so a new credential is issued");
    }
    String csrPem = crypto.retrieveClientCsr(providerName);
    boolean renewal = current != null && !current.isBlank();
    if (csrPem == null || csrPem.isBlank() || (renewal && csrMatches(csrPem, current))) {
      if (!context.change(csrSentence(renewal, providerName))) {
        context.change(signSentence(settings.credentialName));
        context.change(uploadSentence(settings.credentialName));
        return null;
      }
      csrPem = crypto.generateClientCsr(providerName);
    }
    csrSeen[0] = csrPem;
    OkmsApi okms = context.okms();
    String signedCsr = csrPem;
    OkmsApi.Credential credential = credentialFor(context, okms, okmsId, csrPem, owner,
        () -> !signedCsr.equals(crypto.retrieveClientCsr(providerName)));
    if (credential == null) {
      return null; // plan mode
    }
    if (context.change(uploadSentence(settings.credentialName))) {
      crypto.updateKmsSignedCsrClientCert(providerName, credential.certificatePEM());
    }
    context.put(Outputs.CREDENTIAL_ID, credential.id());
    context.put(Outputs.CLIENT_CERTIFICATE_EXPIRY, Pem.certificate(credential.certificatePEM(), "certificate")
        .getNotAfter().toInstant().toString());
    return credential;
  }

  /**
   * Deletes the OKMS credentials {@code credential} supersedes, once vCenter reports itself connected with it: until
   * then the old one is what vCenter can still use. Only this provider's own: another provider's (same name or not)
   * is never touched; OKMS deletes only READY ones (CredentialStatusInvalid otherwise), so one still CREATING is
   * waited for.
   */
  private static void deleteSuperseded(StepContext context, CryptoManager crypto, String providerName,
      String okmsId, OkmsApi.Credential credential, ReadAhead<List<OkmsApi.Credential>> listed) {
    EncryptionSettings settings = context.settings();
    String owner = owner(context, providerName);
    OkmsApi okms = context.okms();
    for (OkmsApi.Credential other : asRead(context) ? listed.get() : okms.credentials(okmsId)) {
      if (other.name().equals(settings.credentialName) && !other.id().equals(credential.id())
          && owner.equals(other.description()) && other.status() != OkmsApi.CredentialStatus.DELETING
          && context.change("delete superseded OKMS credential " + other.id())) {
        try {
          OkmsApi.Credential settled = other.status() != OkmsApi.CredentialStatus.CREATING ? other
              : context.await("superseded OKMS credential " + other.id() + " to be ready to delete", () -> {
                OkmsApi.Credential now = okms.credential(okmsId, other.id());
                return now.status() == OkmsApi.CredentialStatus.CREATING ? Optional.empty() : Optional.of(now);
              });
          if (sameCertificate(settled.certificatePEM(), crypto.retrieveClientCert(providerName))) {
            continue; // a concurrent run gave vCenter this one last: it is the live one, and ours the superseded
          }
          okms.deleteCredential(okmsId, other.id());
        } catch (OvhApiException e) {
          if (!e.isNotFound()) {
            throw e; // gone already: another run of this provider deleted it
          }
        }
      }
    }
  }

  private static boolean sameCertificate(String pem, String otherPem) {
    return pem != null && otherPem != null && !otherPem.isBlank()
        && Pem.certificate(pem, "credential").equals(Pem.certificate(otherPem, "vCenter's client certificate"));
  }

  /** A ready credential for this CSR: reused when one exists, else created once; null in plan mode. */
  private static OkmsApi.Credential credentialFor(StepContext context, OkmsApi okms, String okmsId, String csrPem,
      String owner, java.util.function.BooleanSupplier csrReplaced) {
    String name = context.settings().credentialName;
    Optional<OkmsApi.Credential> existing = matching(okms, okmsId, name, csrPem);
    if (existing.isEmpty()) {
      if (!context.change(signSentence(name))) {
        context.change(uploadSentence(name));
        return null;
      }
      List<String> identities = context.settings().identityUrns.isEmpty()
          ? List.of(accountIdentity(context)) : context.settings().identityUrns;
      try {
        // never with certificateType: the API refuses it next to a CSR
        okms.createCredential(okmsId, new OkmsApi.CredentialCreation(name, identities,
            owner,
            (long) context.settings().credentialValidityDays, csrPem, null));
      } catch (OvhTransportException e) {
        context.warn("no answer to the credential creation; checking whether it was applied");
      }
    }
    return context.await("OKMS credential " + name + " to be ready", () -> matching(okms, okmsId, name, csrPem)
        .or(() -> {
          if (csrReplaced.getAsBoolean()) {
            throw new CsrReplaced(); // its credential was superseded, and deleted, by the run that replaced it
          }
          return Optional.empty();
        })
        .map(credential -> {
          if (credential.status() == OkmsApi.CredentialStatus.ERROR) {
            throw new StepException("OKMS credential " + credential.id() + " is in error: delete it and run again");
          }
          return credential;
        }).filter(credential -> credential.status() == OkmsApi.CredentialStatus.READY));
  }

  /** The credential named {@code name} for this CSR's key (or still being created from a CSR). */
  private static Optional<OkmsApi.Credential> matching(OkmsApi okms, String okmsId, String name, String csrPem) {
    PKCS10CertificationRequest csr = Pem.csr(csrPem, "vCenter CSR");
    for (OkmsApi.Credential listed : okms.credentials(okmsId)) {
      if (!listed.name().equals(name) || listed.status() == OkmsApi.CredentialStatus.DELETING) {
        continue;
      }
      OkmsApi.Credential credential = listed.certificatePEM() == null ? okms.credential(okmsId, listed.id())
          : listed;
      if (credential.certificatePEM() == null) {
        if (credential.fromCSR() && credential.status() == OkmsApi.CredentialStatus.CREATING) {
          return Optional.of(credential);
        }
        continue;
      }
      if (KeyMatch.matches(Pem.certificate(credential.certificatePEM(), "certificatePEM"), csr)) {
        return Optional.of(credential);
      }
    }
    return Optional.empty();
  }

  /**
   * Who a credential belongs to, written in its description: this key provider of this vCenter. Two providers (or
   * two vCenters) sharing one OKMS never delete each other's credentials.
   */
  private static String owner(StepContext context, String providerName) {
    String vcenter = context.vcenter().serviceContent().instanceUuid();
    return "vCenter key provider " + providerName + (vcenter == null ? "" : " of vCenter " + vcenter);
  }

  /** The credential OKMS still has (not being deleted) whose certificate is {@code certificate}, if any. */
  private static Optional<OkmsApi.Credential> liveCredential(OkmsApi okms, String okmsId,
      X509Certificate certificate, List<OkmsApi.Credential> credentials) {
    for (OkmsApi.Credential listed : credentials) {
      if (listed.status() == OkmsApi.CredentialStatus.DELETING) {
        continue;
      }
      OkmsApi.Credential credential = listed.certificatePEM() == null ? okms.credential(okmsId, listed.id())
          : listed;
      if (credential.certificatePEM() != null
          && Pem.certificate(credential.certificatePEM(), "certificatePEM").equals(certificate)) {
        return Optional.of(credential);
      }
    }
    return Optional.empty();
  }

  private static boolean stillGood(String certificatePem, String okmsId, int renewBeforeDays) {
    try {
      X509Certificate certificate = Pem.certificate(certificatePem, "client certificate");
      boolean fromThisOkms = okmsId.equals(OkmsCredentialCertificate.okmsId(certificate));
      Instant renewAt = certificate.getNotAfter().toInstant().minus(Duration.ofDays(renewBeforeDays));
      return fromThisOkms && Instant.now().isBefore(renewAt)
          && CertificateDetails.of(certificate).isValidAt(Instant.now());
    } catch (TlsException e) {
      return false;
    }
  }

  private static boolean csrMatches(String csrPem, String certificatePem) {
    return KeyMatch.matches(Pem.certificate(certificatePem, "client certificate"), Pem.csr(csrPem, "CSR"));
  }

  /** The account's own identity, which IAM does not constrain: the default owner of the credential. */
  private static String accountIdentity(StepContext context) {
    String okmsUrn = context.output(Outputs.OKMS_URN).orElse("urn:v1:eu:resource:okms:x");
    String plane = okmsUrn.split(":")[2];
    return "urn:v1:" + plane + ":identity:account:" + context.orders().me().nichandle();
  }
}
