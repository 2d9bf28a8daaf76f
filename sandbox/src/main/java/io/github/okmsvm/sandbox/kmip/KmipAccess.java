package io.github.okmsvm.sandbox.kmip;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who may do what on one OKMS's KMIP endpoint, as OKMS decides it: the client certificate must be that of a live
 * credential, and IAM must allow one of its identities the operation's action ({@code okms:kmip:<operation>}).
 */
public interface KmipAccess {
  /** Why {@code client} is not (or no longer) a credential of this OKMS, or empty if it is one. */
  Optional<String> unauthenticated(X509Certificate client);

  /** Why IAM refuses {@code action} to {@code client}'s identities on this OKMS, or empty if it allows it. */
  Optional<String> denied(X509Certificate client, String action);

  /** Any CA-issued certificate may do anything: for endpoints that stand alone, without an account. */
  KmipAccess OPEN = new KmipAccess() {
    @Override
    public Optional<String> unauthenticated(X509Certificate client) {
      return Optional.empty();
    }

    @Override
    public Optional<String> denied(X509Certificate client, String action) {
      return Optional.empty();
    }
  };
}
