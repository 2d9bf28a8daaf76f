package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;

/**
 * credentials-binding's way of binding a kind of credentials to environment variables in a {@code withCredentials}
 * block: the secret values are masked in the log, the public ones are not.
 */
public abstract class MultiBinding<C extends StandardCredentials> extends AbstractDescribableImpl<MultiBinding<C>>
    implements ExtensionPoint {
  private final String credentialsId;

  protected MultiBinding(String credentialsId) {
    this.credentialsId = credentialsId;
  }

  protected abstract Class<C> type();

  public final String getCredentialsId() {
    return credentialsId;
  }

  public abstract MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher,
      TaskListener listener) throws IOException, InterruptedException;

  /** @deprecated override {@link #variables(Run)} */
  @Deprecated
  public Set<String> variables() {
    return Collections.emptySet();
  }

  public Set<String> variables(Run<?, ?> build) throws CredentialNotFoundException {
    throw new AbstractMethodError("Implement variables");
  }

  /** As in credentials-binding: found by id, of the binding's type, tracked. */
  protected final C getCredentials(Run<?, ?> build) throws CredentialNotFoundException {
    IdCredentials cred = CredentialsProvider.findCredentialById(credentialsId, IdCredentials.class, build);
    if (cred == null) {
      throw new CredentialNotFoundException("Could not find credentials entry with ID '" + credentialsId + "'");
    }
    if (type().isInstance(cred)) {
      CredentialsProvider.track(build, cred);
      return type().cast(cred);
    }
    throw new CredentialNotFoundException("Credentials '" + credentialsId + "' is of type '"
        + cred.getClass().getSimpleName() + "' where '" + type().getName() + "' was expected");
  }

  /** What {@link #bind} gives: values masked in the log, values shown, and what undoes the binding. */
  public static final class MultiEnvironment implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> secretValues;
    private final Map<String, String> publicValues;
    private final Unbinder unbinder;

    public MultiEnvironment(Map<String, String> secretValues) {
      this(secretValues, Collections.emptyMap());
    }

    public MultiEnvironment(Map<String, String> secretValues, Map<String, String> publicValues) {
      this(secretValues, publicValues, new NullUnbinder());
    }

    public MultiEnvironment(Map<String, String> secretValues, Unbinder unbinder) {
      this(secretValues, Collections.emptyMap(), unbinder);
    }

    public MultiEnvironment(Map<String, String> secretValues, Map<String, String> publicValues, Unbinder unbinder) {
      this.secretValues = new LinkedHashMap<>(secretValues);
      this.publicValues = new LinkedHashMap<>(publicValues);
      if (this.secretValues.keySet().stream().anyMatch(publicValues::containsKey)) {
        throw new IllegalArgumentException("Cannot use the same key in both secretValues and publicValues");
      }
      this.unbinder = unbinder;
    }

    @Deprecated
    public Map<String, String> getValues() {
      return Collections.unmodifiableMap(secretValues);
    }

    public Map<String, String> getSecretValues() {
      return Collections.unmodifiableMap(secretValues);
    }

    public Map<String, String> getPublicValues() {
      return Collections.unmodifiableMap(publicValues);
    }

    public Unbinder getUnbinder() {
      return unbinder;
    }
  }

  /** Callback run at the end of the block. */
  public interface Unbinder extends Serializable {
    void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
        throws IOException, InterruptedException;
  }

  /** No-op callback. */
  protected static final class NullUnbinder implements Unbinder {
    private static final long serialVersionUID = 1L;

    @Override
    public void unbind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener) {}
  }

  @Override
  @SuppressWarnings("unchecked")
  public BindingDescriptor<C> getDescriptor() {
    return (BindingDescriptor<C>) super.getDescriptor();
  }
}
