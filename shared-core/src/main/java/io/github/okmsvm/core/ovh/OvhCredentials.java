package io.github.okmsvm.core.ovh;

import io.github.okmsvm.core.common.Secret;
import java.util.Objects;

/** How calls to the OVHcloud API authenticate. None of them shows a secret in {@code toString()}. */
public sealed interface OvhCredentials {

  /** The application key scheme: every call signed with the application secret and the consumer key. */
  record ApplicationKey(String applicationKey, Secret applicationSecret, Secret consumerKey)
      implements OvhCredentials {
    public ApplicationKey {
      Objects.requireNonNull(applicationKey, "applicationKey");
      Objects.requireNonNull(applicationSecret, "applicationSecret");
      Objects.requireNonNull(consumerKey, "consumerKey");
    }

    @Override
    public String toString() {
      return "ApplicationKey[" + applicationKey + "]";
    }
  }

  /** An OAuth2 service account (client credentials flow, scope {@code all}). */
  record ServiceAccount(String clientId, Secret clientSecret) implements OvhCredentials {
    public ServiceAccount {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
      return "ServiceAccount[" + clientId + "]";
    }
  }

  /** A bearer access token obtained elsewhere. */
  record AccessToken(Secret token) implements OvhCredentials {
    public AccessToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "AccessToken[****]";
    }
  }
}
