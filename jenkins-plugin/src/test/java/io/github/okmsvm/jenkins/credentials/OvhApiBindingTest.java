package io.github.okmsvm.jenkins.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import java.util.Map;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding.MultiEnvironment;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code withCredentials([ovhApi(credentialsId: ...)])}: which variables, which of them masked. */
class OvhApiBindingTest {
  @AfterEach
  void forget() {
    SystemCredentialsProvider.getInstance().getCredentials().clear();
  }

  private static OvhApiCredentialsImpl store(String id, String endpoint) {
    OvhApiCredentialsImpl credentials = new OvhApiCredentialsImpl(CredentialsScope.GLOBAL, id, "", endpoint);
    SystemCredentialsProvider.getInstance().getCredentials().add(credentials);
    return credentials;
  }

  @Test
  void aServiceAccountBindsItsIdShownAndItsSecretMasked() throws Exception {
    OvhApiCredentialsImpl account = store("ovh", "ovh-ca");
    account.setClientId("EU.0123456789abcdef");
    account.setClientSecret(Secret.fromString("s3cr3t-client"));

    MultiEnvironment environment = new OvhApiBinding("ovh").bind(new io.github.okmsvm.jenkins.TestRun(), null, null,
        null);

    assertThat(environment.getPublicValues()).isEqualTo(Map.of("OVH_ENDPOINT", "ovh-ca", "OVH_CLIENT_ID",
        "EU.0123456789abcdef"));
    assertThat(environment.getSecretValues()).isEqualTo(Map.of("OVH_CLIENT_SECRET", "s3cr3t-client"));
    assertThat(new OvhApiBinding("ovh").variables(new io.github.okmsvm.jenkins.TestRun()))
        .containsExactly("OVH_CLIENT_SECRET");
  }

  @Test
  void anApplicationKeyBindsItsSecretAndConsumerKeyMaskedAndNothingBlank() throws Exception {
    OvhApiCredentialsImpl key = store("ovh-ak", "");
    key.setApplicationKey("ak-visible");
    key.setApplicationSecret(Secret.fromString("as-hidden"));
    key.setConsumerKey(Secret.fromString("ck-hidden"));

    MultiEnvironment environment = new OvhApiBinding("ovh-ak").bind(new io.github.okmsvm.jenkins.TestRun(), null,
        null, null);

    assertThat(environment.getPublicValues()).isEqualTo(Map.of("OVH_APPLICATION_KEY", "ak-visible"));
    assertThat(environment.getSecretValues()).isEqualTo(Map.of("OVH_APPLICATION_SECRET", "as-hidden",
        "OVH_CONSUMER_KEY", "ck-hidden"));
  }

  @Test
  void aMissingCredentialIsNamed() {
    assertThatThrownBy(() -> new OvhApiBinding("nope").bind(new io.github.okmsvm.jenkins.TestRun(), null, null, null))
        .isInstanceOf(CredentialNotFoundException.class)
        .hasMessage("Could not find credentials entry with ID 'nope'");
  }

  @Test
  void theCredentialNeverShowsItsSecrets() {
    OvhApiCredentialsImpl account = store("ovh", "ovh-eu");
    account.setClientSecret(Secret.fromString("s3cr3t-client"));

    assertThat(account.toString()).doesNotContain("s3cr3t-client");
  }
}
