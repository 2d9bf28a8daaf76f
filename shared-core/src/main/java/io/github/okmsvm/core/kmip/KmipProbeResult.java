package io.github.okmsvm.core.kmip;

import io.github.okmsvm.core.tls.TlsEndpoint;
import java.util.List;

/** What a KMIP server said about itself to {@link KmipProbe}. */
public record KmipProbeResult(
    TlsEndpoint endpoint,
    String tlsProtocol,
    String cipherSuite,
    ProtocolVersion negotiatedVersion,
    List<ProtocolVersion> serverVersions,
    List<String> operations,
    List<String> objectTypes,
    String vendorIdentification,
    String serverInformation) {

  public KmipProbeResult {
    serverVersions = List.copyOf(serverVersions);
    operations = List.copyOf(operations);
    objectTypes = List.copyOf(objectTypes);
  }
}
