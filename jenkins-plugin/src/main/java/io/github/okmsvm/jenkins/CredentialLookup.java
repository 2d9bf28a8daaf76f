package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import java.io.Serializable;

/**
 * Finds a credential by id for a build and tracks its use. Jenkins' credentials plugin does it in production; a
 * step context may provide another (tests do), which is the only reason this is an interface.
 */
public interface CredentialLookup extends Serializable {
  /** The credential, or null when there is none with this id. */
  IdCredentials find(String id, Run<?, ?> run);

  /** The credentials plugin: {@code findCredentialById} then {@code track}. */
  CredentialLookup JENKINS = (id, run) -> {
    IdCredentials credentials = CredentialsProvider.findCredentialById(id, IdCredentials.class, run);
    return credentials == null ? null : CredentialsProvider.track(run, credentials);
  };
}
