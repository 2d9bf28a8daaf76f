package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Descriptor;

/** credentials-binding's descriptor of a binding kind (an abstract class). */
public abstract class BindingDescriptor<C extends StandardCredentials> extends Descriptor<MultiBinding<C>> {
  protected abstract Class<C> type();

  public boolean requiresWorkspace() {
    return true;
  }
}
