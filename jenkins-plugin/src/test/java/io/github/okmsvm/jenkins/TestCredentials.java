package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/** A credentials store for tests: what the credentials plugin would find by id, and what was tracked. */
final class TestCredentials implements CredentialLookup {
  private static final long serialVersionUID = 1L;
  private final Map<String, IdCredentials> byId = new HashMap<>();
  final transient List<String> tracked = new CopyOnWriteArrayList<>();

  TestCredentials usernamePassword(String id, String user, String password) {
    byId.put(id, new UsernamePassword(id, user, Secret.fromString(password)));
    return this;
  }

  TestCredentials secretFile(String id, String content) {
    byId.put(id, new SecretFile(id, content));
    return this;
  }

  TestCredentials secretText(String id) {
    byId.put(id, new SecretText(id));
    return this;
  }

  @Override
  public IdCredentials find(String id, Run<?, ?> run) {
    IdCredentials credentials = byId.get(id);
    if (credentials != null) {
      tracked.add(id);
    }
    return credentials;
  }

  /** The "Username with password" kind. */
  record UsernamePassword(String id, String username, Secret password)
      implements StandardUsernamePasswordCredentials {
    @Override public String getId() { return id; }
    @Override public String getDescription() { return ""; }
    @Override public String getUsername() { return username; }
    @Override public Secret getPassword() { return password; }
  }

  /** The "Secret file" kind. */
  record SecretFile(String id, String content) implements FileCredentials {
    @Override public String getId() { return id; }
    @Override public String getDescription() { return ""; }
    @Override public String getFileName() { return "ovh.conf"; }
    @Override public InputStream getContent() {
      return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "SecretFile[" + id + "]";
    }
  }

  /** Another kind, for wrong-type errors. */
  record SecretText(String id) implements StandardCredentials {
    @Override public String getId() { return id; }
    @Override public String getDescription() { return ""; }
  }
}
