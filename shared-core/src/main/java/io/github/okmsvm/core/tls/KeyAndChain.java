package io.github.okmsvm.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate chain, leaf first: the content of a PKCS#12 (PFX) file. */
public record KeyAndChain(PrivateKey privateKey, List<X509Certificate> chain) {
  public KeyAndChain {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new TlsException("a key needs at least its own certificate");
    }
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "KeyAndChain[" + certificate().getSubjectX500Principal().getName() + ", " + chain.size()
        + " certificate(s), " + privateKey.getAlgorithm() + " private key]";
  }
}
