package io.github.okmsvm.jenkins.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.github.okmsvm.jenkins.TestCredentials;
import io.github.okmsvm.jenkins.TestRun;
import java.util.Map;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding.MultiEnvironment;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code withCredentials([vsphere(credentialsId: ..., server: ...)])}: the VSPHERE_* variables. */
class VsphereBindingTest {
  private static TestCredentials.UsernamePassword login(boolean usernameSecret) {
    return new TestCredentials.UsernamePassword("vc", "admin@pcc.local", Secret.fromString("vc-pa55"), usernameSecret);
  }

  @AfterEach
  void forget() {
    SystemCredentialsProvider.getInstance().getCredentials().clear();
  }

  @Test
  void theServerAndUserAreShownThePasswordMasked() throws Exception {
    SystemCredentialsProvider.getInstance().getCredentials().add(login(false));

    MultiEnvironment environment = new VsphereBinding("vc", " vcsa.example ").bind(new TestRun(), null, null, null);

    assertThat(environment.getPublicValues()).isEqualTo(Map.of("VSPHERE_SERVER", "vcsa.example", "VSPHERE_USER",
        "admin@pcc.local"));
    assertThat(environment.getSecretValues()).isEqualTo(Map.of("VSPHERE_PASSWORD", "vc-pa55"));
  }

  @Test
  void aUserNameMarkedSecretIsMaskedToo() throws Exception {
    SystemCredentialsProvider.getInstance().getCredentials().add(login(true));

    assertThat(new VsphereBinding("vc", "vcsa.example").variables(new TestRun()))
        .containsExactlyInAnyOrder("VSPHERE_USER", "VSPHERE_PASSWORD");
  }

  @Test
  void aCredentialOfAnotherKindIsRefused() {
    OvhApiCredentialsImpl ovh = new OvhApiCredentialsImpl(null, "ovh", "", "ovh-eu");
    SystemCredentialsProvider.getInstance().getCredentials().add(ovh);

    assertThatThrownBy(() -> new VsphereBinding("ovh", "vcsa").bind(new TestRun(), null, null, null))
        .isInstanceOf(CredentialNotFoundException.class)
        .hasMessageStartingWith("Credentials 'ovh' is of type 'OvhApiCredentialsImpl' where");
  }
}
