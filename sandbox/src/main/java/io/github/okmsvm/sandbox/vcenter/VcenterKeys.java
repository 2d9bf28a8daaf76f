package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.kmip.ObjectType;
import io.github.okmsvm.core.kmip.Operation;
import io.github.okmsvm.core.kmip.ProtocolVersion;
import io.github.okmsvm.core.kmip.QueryFunction;
import io.github.okmsvm.core.kmip.ResultReason;
import io.github.okmsvm.core.kmip.Tag;
import io.github.okmsvm.core.kmip.Ttlv;
import io.github.okmsvm.core.tls.TlsEndpoint;
import io.github.okmsvm.sandbox.kmip.KmipClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys on a standard key provider's KMS, obtained as vCenter obtains them (the wire sequence decoded from vCenter 7.0.3
 * and 8.0): KMIP 1.1, Discover Versions, Query (Server Information), Create of an AES-256 key for Encrypt and
 * Decrypt, its three {@code x-} attributes in one message, Get Attributes, Get. vCenter reports a key that is not
 * Active as unavailable, and keys it encrypts VMs with are Active, so it activates a Pre-Active key it made for a VM.
 */
final class VcenterKeys {
  private static final ProtocolVersion VCENTER_KMIP = ProtocolVersion.V1_1;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int AES = 0x03;
  private static final int ENCRYPT_DECRYPT = 0x04 | 0x08;
  private static final int ACTIVE = 0x02;
  private static final int PRE_ACTIVE = 0x01;

  /** What QueryCryptoKeyStatus says of a key id (vim25 CryptoManagerKmipCryptoKeyStatusKeyUnavailableReason). */
  record KeyStatus(boolean available, String reason) {}

  private final KeyProviders providers;
  private final String productVersion;

  VcenterKeys(KeyProviders providers, String productVersion) {
    this.providers = providers;
    this.productVersion = productVersion;
  }

  /**
   * A new key of {@code provider} for a VM: made, labelled, activated and read. A KMS refusal or an unreachable KMS is
   * a RuntimeFault naming the provider and the KMS's reason, so the caller leaves the VM as it was.
   */
  String newKey(KeyProviders.Provider provider, boolean activate) {
    try (KmipClient kms = open(provider)) {
      kms.call(Operation.DISCOVER_VERSIONS, Ttlv.structure(Tag.REQUEST_PAYLOAD));
      kms.call(Operation.QUERY, Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.enumeration(Tag.QUERY_FUNCTION,
          QueryFunction.QUERY_SERVER_INFORMATION.code())));
      Ttlv created = kms.call(Operation.CREATE, Ttlv.structure(Tag.REQUEST_PAYLOAD,
          Ttlv.enumeration(Tag.OBJECT_TYPE, ObjectType.SYMMETRIC_KEY.code()),
          Ttlv.structure(Tag.TEMPLATE_ATTRIBUTE,
              attribute("Cryptographic Algorithm", Ttlv.enumeration(Tag.ATTRIBUTE_VALUE, AES)),
              attribute("Cryptographic Usage Mask", Ttlv.integer(Tag.ATTRIBUTE_VALUE, ENCRYPT_DECRYPT)),
              attribute("Cryptographic Length", Ttlv.integer(Tag.ATTRIBUTE_VALUE, 256)))));
      String id = created.required(Tag.UNIQUE_IDENTIFIER).asText();
      List<KmipClient.Item> labels = new ArrayList<>();
      for (String[] label : new String[][] {{"x-Product_Version", productVersion}, {"x-Vendor", "VMware, Inc."},
          {"x-Product", "VMware vSphere"}}) {
        labels.add(new KmipClient.Item(Operation.ADD_ATTRIBUTE, Ttlv.structure(Tag.REQUEST_PAYLOAD,
            Ttlv.text(Tag.UNIQUE_IDENTIFIER, id), attribute(label[0], Ttlv.text(Tag.ATTRIBUTE_VALUE, label[1])))));
      }
      for (KmipClient.Answer answer : kms.batch(labels)) {
        answer.payloadOrThrow();
      }
      if (activate && state(kms, id) == PRE_ACTIVE) {
        kms.call(Operation.ACTIVATE, Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, id)));
      }
      kms.call(Operation.GET, Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, id)));
      return id;
    } catch (KmipClient.Refusal e) {
      throw new SoapFault("RuntimeFault", "Cannot generate a key on key provider " + provider.id + ": the KMS "
          + provider.serverName + " refused " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new SoapFault("RuntimeFault", "Cannot generate a key on key provider " + provider.id + ": the KMS "
          + provider.serverName + " at " + provider.address + ":" + provider.port + " cannot be reached ("
          + e.getMessage() + ")");
    }
  }

  /**
   * Makes {@code keyId}, given to a VM, ready as vCenter does: read from the KMS, activated when Pre-Active. A key the
   * KMS does not hold, or cannot make Active, or an unreachable KMS is a RuntimeFault, so the VM stays as it was.
   */
  void useKey(KeyProviders.Provider provider, String keyId) {
    try (KmipClient kms = open(provider)) {
      if (state(kms, keyId) == PRE_ACTIVE) {
        kms.call(Operation.ACTIVATE, Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, keyId)));
      }
      if (state(kms, keyId) != ACTIVE) {
        throw new SoapFault("RuntimeFault", "Key " + keyId + " of key provider " + provider.id + " is not active in"
            + " the KMS " + provider.serverName + ".");
      }
      kms.call(Operation.GET, Ttlv.structure(Tag.REQUEST_PAYLOAD, Ttlv.text(Tag.UNIQUE_IDENTIFIER, keyId)));
    } catch (KmipClient.Refusal e) {
      throw new SoapFault("RuntimeFault", "Cannot get key " + keyId + " from key provider " + provider.id + ": the"
          + " KMS " + provider.serverName + " refused " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof SoapFault fault) {
        throw fault;
      }
      throw new SoapFault("RuntimeFault", "Cannot get key " + keyId + " from key provider " + provider.id + ": the"
          + " KMS " + provider.serverName + " at " + provider.address + ":" + provider.port + " cannot be reached ("
          + e.getMessage() + ")");
    }
  }

  /** Whether the KMS holds {@code keyId} Active, read with Get Attributes (State) as vCenter reads it. */
  KeyStatus status(KeyProviders.Provider provider, String keyId) {
    try (KmipClient kms = open(provider)) {
      return state(kms, keyId) == ACTIVE ? new KeyStatus(true, "KeyStateAvailable")
          : new KeyStatus(false, "KeyStateNotActiveOrEnabled");
    } catch (KmipClient.Refusal e) {
      return new KeyStatus(false, e.reason().equals(ResultReason.nameOf(ResultReason.ITEM_NOT_FOUND.code()))
          ? "KeyStateMissingInKMS" : "KeyStateClusterUnreachable");
    } catch (IOException | RuntimeException e) {
      return new KeyStatus(false, "KeyStateClusterUnreachable");
    }
  }

  private KmipClient open(KeyProviders.Provider provider) throws IOException {
    if (provider.trustedServerPem == null || provider.clientCertificatePem == null) {
      throw new IOException("vCenter and the KMS do not trust each other yet");
    }
    java.util.Optional<String> blocked = providers.blocked(provider);
    if (blocked.isPresent()) {
      throw new IOException(blocked.get());
    }
    return KmipClient.connect(new TlsEndpoint(provider.address, provider.port), provider.trustedServerPem,
        provider.credentials(), VCENTER_KMIP, TIMEOUT);
  }

  private static int state(KmipClient kms, String id) throws IOException {
    Ttlv attributes = kms.call(Operation.GET_ATTRIBUTES, Ttlv.structure(Tag.REQUEST_PAYLOAD,
        Ttlv.text(Tag.UNIQUE_IDENTIFIER, id), Ttlv.text(Tag.ATTRIBUTE_NAME, "State")));
    return attributes.all(Tag.ATTRIBUTE).stream().filter(a -> a.required(Tag.ATTRIBUTE_NAME).asText()
        .equals("State")).map(a -> a.required(Tag.ATTRIBUTE_VALUE).asInt()).findFirst().orElse(0);
  }

  private static Ttlv attribute(String name, Ttlv value) {
    return Ttlv.structure(Tag.ATTRIBUTE, Ttlv.text(Tag.ATTRIBUTE_NAME, name), value);
  }
}
