package io.github.okmsvm.sandbox.ovh;

import io.github.okmsvm.core.tls.Pem;
import io.github.okmsvm.core.tls.TlsException;
import io.github.okmsvm.sandbox.kmip.KmipAccess;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OKMS's access rules for its KMIP endpoint: the client certificate must be that of a credential of this OKMS that
 * still exists (deleting a credential revokes its certificate), and an IAM policy of the account must allow one of the
 * credential's identities the operation's action on this OKMS, unless an identity is the account itself, which IAM
 * does not constrain. A deny, or an except, wins over an allow.
 */
final class OkmsKmipAccess implements KmipAccess {
  private final SandboxAccount account;
  private final SandboxOkms okms;

  OkmsKmipAccess(SandboxAccount account, SandboxOkms okms) {
    this.account = account;
    this.okms = okms;
  }

  @Override
  public Optional<String> unauthenticated(X509Certificate client) {
    synchronized (okms) {
      if (credentialOf(client).isPresent()) {
        return Optional.empty();
      }
      for (Map.Entry<String, String> revoked : okms.revoked.entrySet()) {
        if (same(revoked.getKey(), client)) {
          return Optional.of("the client certificate is revoked: its credential " + revoked.getValue()
              + " was deleted from OKMS " + okms.id);
        }
      }
    }
    return Optional.of("the client certificate " + client.getSubjectX500Principal().getName() + " is not that of a"
        + " credential of OKMS " + okms.id);
  }

  @Override
  public Optional<String> denied(X509Certificate client, String action) {
    List<String> identities;
    synchronized (okms) {
      identities = credentialOf(client).map(credential -> credential.identityUrns).orElse(List.of());
    }
    if (identities.contains(account.accountUrn())) {
      return Optional.empty();
    }
    boolean allowed = false;
    synchronized (account.policies) {
      for (Map<String, Object> policy : account.policies.values()) {
        if (!covers(policy, identities)) {
          continue;
        }
        if (matchesAny(actions(policy, "deny"), action)) {
          return Optional.of(action + " is denied to " + String.join(", ", identities) + " on " + okms.urn()
              + " by IAM policy " + policy.get("name"));
        }
        allowed |= matchesAny(actions(policy, "allow"), action) && !matchesAny(actions(policy, "except"), action);
      }
    }
    return allowed ? Optional.empty() : Optional.of("no IAM policy allows " + action + " to "
        + String.join(", ", identities) + " on " + okms.urn());
  }

  private Optional<SandboxCredential> credentialOf(X509Certificate client) {
    return okms.credentials.values().stream().filter(credential -> credential.certificatePem != null
        && same(credential.certificatePem, client)).findFirst();
  }

  @SuppressWarnings("unchecked")
  private boolean covers(Map<String, Object> policy, List<String> identities) {
    List<String> policyIdentities = (List<String>) policy.get("identities");
    boolean forThem = identities.stream().anyMatch(policyIdentities::contains);
    boolean onThis = ((List<Map<String, Object>>) policy.get("resources")).stream()
        .anyMatch(resource -> matches(String.valueOf(resource.get("urn")), okms.urn()));
    return forThem && onThis;
  }

  @SuppressWarnings("unchecked")
  private static List<String> actions(Map<String, Object> policy, String kind) {
    List<String> names = new ArrayList<>();
    Map<String, Object> permissions = (Map<String, Object>) policy.get("permissions");
    for (Object action : (List<Object>) permissions.getOrDefault(kind, List.of())) {
      names.add(String.valueOf(((Map<String, Object>) action).get("action")));
    }
    return names;
  }

  private static boolean matchesAny(List<String> patterns, String value) {
    return patterns.stream().anyMatch(pattern -> matches(pattern, value));
  }

  /** IAM patterns: {@code *} stands for any run of characters, as in {@code okms:kmip:*}. */
  private static boolean matches(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.matches(regex.toString(), value);
  }

  private static boolean same(String pem, X509Certificate client) {
    try {
      return Pem.certificate(pem, "credential").equals(client);
    } catch (TlsException e) {
      return false;
    }
  }
}
