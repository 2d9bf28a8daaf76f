package io.github.okmsvm.sandbox.vcenter;

import java.util.Optional;

/** What stands between the sandbox vCenter and a KMS: in a PCC, its firewall; outside one, nothing. */
public interface KmsNetwork {
  /** Why vCenter's connection to {@code host:port} does not get through, or empty when it does. */
  Optional<String> blocked(String host, int port);

  KmsNetwork OPEN = (host, port) -> Optional.empty();
}
