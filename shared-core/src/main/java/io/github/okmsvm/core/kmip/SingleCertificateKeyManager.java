package io.github.okmsvm.core.kmip;

import io.github.okmsvm.core.tls.KeyAndChain;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Always presents the one configured client certificate. The JDK's own key manager silently sends nothing when the
 * certificate's issuer is not among those the server lists or its key usage looks wrong; presenting it anyway lets
 * the server say why it refuses, which makes for a far clearer error.
 */
final class SingleCertificateKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "client";
  private final KeyAndChain keyAndChain;

  SingleCertificateKeyManager(KeyAndChain keyAndChain) {
    this.keyAndChain = keyAndChain;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return ALIAS;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return ALIAS;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return keyAndChain.chain().toArray(new X509Certificate[0]);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return keyAndChain.privateKey();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
