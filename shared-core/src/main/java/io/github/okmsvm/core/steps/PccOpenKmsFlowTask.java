package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.KMIP_ENDPOINT;
import static io.github.okmsvm.core.config.SettingNames.OVH_API;
import static io.github.okmsvm.core.config.SettingNames.PCC_SERVICE_NAME;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.ovh.OvhApiException;
import io.github.okmsvm.core.ovh.OvhTransportException;
import io.github.okmsvm.core.ovh.PccApi;
import io.github.okmsvm.core.tls.CapturedChain;
import io.github.okmsvm.core.tls.ChainCapture;
import io.github.okmsvm.core.tls.ChainVerifier;
import io.github.okmsvm.core.tls.ServerIdentity;
import io.github.okmsvm.core.tls.Thumbprint;
import io.github.okmsvm.core.tls.TlsEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guide step 2: the PCC lets its hosts reach the KMS. Reads the KMIP endpoint's IPv4 and SHA-1 thumbprint from a
 * real TLS handshake, checks the certificate chains to the OKMS {@code publicCA}, then registers the KMS on the PCC,
 * or rotates its thumbprint, only where it differs, and waits until the entry is delivered.
 */
public final class PccOpenKmsFlowTask implements GuideStep {
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(20);

  @Override
  public String name() {
    return "pccOpenKmsFlow";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(PCC_SERVICE_NAME, KMIP_ENDPOINT), OVH_API);
  }

  @Override
  public void validate(EncryptionSettings settings) {
    Checks.all(settings::validatePcc, () -> Checks.kmipEndpoint(settings.kmipEndpoint));
  }

  @Override
  public void preflight(StepContext context) {
    context.dedicatedCloud();
  }

  @Override
  public String run(StepContext context) {
    String serviceName = context.settings().pccServiceName;
    PccApi pcc = context.pcc();
    // read while the OKMS is looked for: the PCC's entries do not depend on it
    ReadAhead<List<PccApi.Kms>> entries = ReadAhead.start("pcc-kms", () -> liveEntries(pcc, serviceName));
    PccApi.DedicatedCloud dedicatedCloud = context.dedicatedCloud();
    context.put(Outputs.PCC_URN, dedicatedCloud.iam() == null ? null : dedicatedCloud.iam().urn());
    Optional<String> endpointText = Optional.ofNullable(context.settings().kmipEndpoint)
        .or(() -> context.output(Outputs.KMIP_ENDPOINT));
    Optional<String> publicCa = context.output(Outputs.PUBLIC_CA);
    if (endpointText.isEmpty() || publicCa.isEmpty()) {
      if (context.plan()) {
        context.change("register the new OKMS's KMIP endpoint on PCC " + serviceName);
        return "would register the new OKMS on " + serviceName;
      }
      throw new StepException("pccOpenKmsFlow needs the OKMS (its KMIP endpoint and publicCA): run okmsOrder first"
          + " or give okmsId");
    }
    TlsEndpoint endpoint = TlsEndpoint.parse(endpointText.get(), TlsEndpoint.KMIP_PORT, "kmipEndpoint");
    CapturedChain captured = ChainCapture.capture(endpoint, HANDSHAKE_TIMEOUT);
    ChainVerifier.verify(captured.chain(), publicCa.get(), "publicCA");
    ServerIdentity.verify(captured.leaf(), endpoint.host(), "kmipEndpoint");
    String ip = captured.ipv4();
    String thumbprint = captured.thumbprint().sha1();

    List<PccApi.Kms> registered = forIp(entries.get(), ip);
    Optional<PccApi.Kms> existing = registered.stream().findFirst();
    boolean sameThumbprint = existing.isPresent() && Thumbprint.normalize(existing.get().sslThumbprint())
        .equals(Thumbprint.normalize(thumbprint));
    if (sameThumbprint && registered.size() == 1 && existing.get().state() == PccApi.KmsState.DELIVERED) {
      publish(context, existing.get().kmsId(), ip, thumbprint);
      return "KMS " + ip + " already registered on " + serviceName; // as read: nothing to wait for or remove
    }
    String summary;
    if (sameThumbprint) {
      summary = "KMS " + ip + " already registered on " + serviceName;
    } else if (existing.isPresent()) {
      if (!context.change("rotate the thumbprint of KMS " + ip + " on " + serviceName + " from "
          + existing.get().sslThumbprint() + " to " + thumbprint)) {
        return "would rotate the thumbprint of KMS " + ip;
      }
      PccApi.Task task = pcc.changeKmsProperties(serviceName, existing.get().kmsId(),
          new PccApi.KmsChange(thumbprint, existing.get().description()));
      awaitTask(context, pcc, serviceName, task.taskId());
      summary = "KMS " + ip + " thumbprint rotated on " + serviceName;
    } else {
      if (!context.change("register KMS " + ip + " (" + thumbprint + ") on " + serviceName)) {
        return "would register KMS " + ip + " on " + serviceName;
      }
      try {
        PccApi.Task task = pcc.createKms(serviceName, new PccApi.KmsCreation(ip, thumbprint,
            "OKMS " + context.output(Outputs.REGION).orElse(endpoint.host())));
        awaitTask(context, pcc, serviceName, task.taskId());
      } catch (OvhTransportException e) {
        // The answer was lost; the entry may exist all the same: look, rather than register twice.
        context.warn("no answer to the KMS registration; checking whether it was applied");
      }
      summary = "KMS " + ip + " registered on " + serviceName;
    }
    PccApi.Kms delivered = context.await("KMS " + ip + " on " + serviceName + " to be delivered", () ->
        entryFor(pcc, serviceName, ip).map(entry -> {
          if (entry.state() == PccApi.KmsState.ERROR) {
            throw new StepException("KMS " + ip + " on " + serviceName + " is in error: check the PCC's tasks in the"
                + " Control Panel, or contact OVHcloud support");
          }
          return entry;
        }).filter(entry -> entry.state() == PccApi.KmsState.DELIVERED
            && Thumbprint.normalize(entry.sslThumbprint()).equals(Thumbprint.normalize(thumbprint))));
    removeDuplicates(context, pcc, serviceName, ip);
    publish(context, entryFor(pcc, serviceName, ip).map(PccApi.Kms::kmsId).orElse(delivered.kmsId()), ip,
        thumbprint);
    return summary;
  }

  private static void publish(StepContext context, long kmsId, String ip, String thumbprint) {
    context.put(Outputs.KMS_ID, Long.toString(kmsId));
    context.put(Outputs.KMS_IP, ip);
    context.put(Outputs.KMS_THUMBPRINT, thumbprint);
    context.put(Outputs.KMS_STATE, "delivered");
  }

  /** The entry registered for {@code ip}, unless it is being deleted. */
  private static Optional<PccApi.Kms> entryFor(PccApi pcc, String serviceName, String ip) {
    return entriesFor(pcc, serviceName, ip).stream().findFirst();
  }

  /** Every live entry registered for {@code ip}, the lowest id first. */
  private static List<PccApi.Kms> entriesFor(PccApi pcc, String serviceName, String ip) {
    return forIp(liveEntries(pcc, serviceName), ip);
  }

  private static List<PccApi.Kms> forIp(List<PccApi.Kms> entries, String ip) {
    return entries.stream().filter(entry -> ip.equals(entry.ip()))
        .sorted(Comparator.comparingLong(PccApi.Kms::kmsId)).toList();
  }

  /** Every KMS entry of the PCC, unless it is being deleted. */
  private static List<PccApi.Kms> liveEntries(PccApi pcc, String serviceName) {
    List<PccApi.Kms> entries = new ArrayList<>();
    for (long id : pcc.kmsIds(serviceName)) {
      PccApi.Kms entry;
      try {
        entry = pcc.kms(serviceName, id);
      } catch (OvhApiException e) {
        if (e.isNotFound()) {
          continue; // deleted between the list and the read
        }
        throw e;
      }
      if (entry.state() != PccApi.KmsState.DELETING && entry.state() != PccApi.KmsState.TO_DELETE) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /**
   * Two runs at once may both register the endpoint: the entry with the lowest id stays, the others (identical, the
   * tool's) are removed, by whichever run sees them first.
   */
  private static void removeDuplicates(StepContext context, PccApi pcc, String serviceName, String ip) {
    List<PccApi.Kms> entries = entriesFor(pcc, serviceName, ip);
    for (PccApi.Kms duplicate : entries.subList(Math.min(1, entries.size()), entries.size())) {
      if (!context.change("remove duplicate KMS entry " + duplicate.kmsId() + " for " + ip + " on " + serviceName)) {
        continue;
      }
      try {
        pcc.deleteKms(serviceName, duplicate.kmsId());
      } catch (OvhApiException e) {
        if (!e.isNotFound()) {
          throw e; // else already removed by the other run
        }
      }
    }
  }

  private static void awaitTask(StepContext context, PccApi pcc, String serviceName, long taskId) {
    PccApi.Task done = context.await("PCC task " + taskId + " on " + serviceName, () -> {
      PccApi.Task task = pcc.task(serviceName, taskId);
      return task.state().isFinal() ? Optional.of(task) : Optional.empty();
    });
    if (done.state() != PccApi.TaskState.DONE) {
      throw new StepException("PCC task " + taskId + " (" + done.name() + ") ended " + done.state().wireName()
          + ": " + done.description() + "; check it in the Control Panel, then run again");
    }
  }
}
