package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
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
public final class TestCredentials implements CredentialLookup {
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

  /** Any credential the store should hold, such as an OVHcloud API credential. */
  TestCredentials add(IdCredentials credentials) {
    byId.put(credentials.getId(), credentials);
    return this;
  }

  /** The "Username with password" kind; as a new one, "Treat username as secret" unchecked unless said. */
  public static final class UsernamePassword extends BaseStandardCredentials
      implements StandardUsernamePasswordCredentials {
    private static final long serialVersionUID = 1L;
    private final String username;
    private final Secret password;
    private final boolean usernameSecret;

    UsernamePassword(String id, String username, Secret password) {
      this(id, username, password, false);
    }

    public UsernamePassword(String id, String username, Secret password, boolean usernameSecret) {
      super(id, "");
      this.username = username;
      this.password = password;
      this.usernameSecret = usernameSecret;
    }

    @Override public String getUsername() { return username; }
    @Override public Secret getPassword() { return password; }
    @Override public boolean isUsernameSecret() { return usernameSecret; }
  }

  /** The "Secret file" kind. */
  static final class SecretFile extends BaseStandardCredentials implements FileCredentials {
    private static final long serialVersionUID = 1L;
    private final String content;

    SecretFile(String id, String content) {
      super(id, "");
      this.content = content;
    }

    @Override public String getFileName() { return "ovh.conf"; }
    @Override public InputStream getContent() {
      return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Another kind, for wrong-type errors. */
  static final class SecretText extends BaseStandardCredentials implements StandardCredentials {
    private static final long serialVersionUID = 1L;

    SecretText(String id) {
      super(id, "");
    }
  }
}
