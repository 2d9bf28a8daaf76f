package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * The credentials plugin's drop-down of credentials ids (an abstract class). The stub lists the credentials of
 * {@link SystemCredentialsProvider} that the type and matcher accept.
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
    C extends IdCredentials> extends ListBoxModel {
  private static final long serialVersionUID = 1L;

  protected abstract String describe(C c);

  public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
    if (stream().noneMatch(option -> option.value.isEmpty())) {
      add(0, new Option("- none -", ""));
    }
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
    if (value != null && !value.isEmpty() && stream().noneMatch(option -> option.value.equals(value))) {
      add(0, new Option("- current -", value));
    }
    return this;
  }

  public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(Authentication authentication, Item context,
      Class<? extends C> type, List<DomainRequirement> domainRequirements, CredentialsMatcher matcher) {
    for (Credentials credentials : SystemCredentialsProvider.getInstance().getCredentials()) {
      if (type.isInstance(credentials) && matcher.matches(credentials)) {
        C match = type.cast(credentials);
        add(describe(match), match.getId());
      }
    }
    return this;
  }
}
