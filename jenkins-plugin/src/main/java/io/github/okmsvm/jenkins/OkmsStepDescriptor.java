package io.github.okmsvm.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.config.SettingSpelling;
import io.github.okmsvm.core.vsphere.VcenterSettings;
import io.github.okmsvm.jenkins.credentials.OvhApiCredentials;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * What every okms step's form does: a text area per list argument, one item per line; a field left blank keeps the
 * step's default (an empty number box is not 0, an empty list is not {@code ['']}); credentials drop-downs of the
 * kinds each id takes; and checks of the values a user types, by the core's own rules.
 */
public abstract class OkmsStepDescriptor extends StepDescriptor {
  @Override
  public Set<? extends Class<?>> getRequiredContext() {
    return Set.of(Run.class, TaskListener.class);
  }

  /** Binds the Snippet Generator's form (Stapler binds a text area to a list as one item: it is split here). */
  @Override
  public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
    JSONObject form = new JSONObject();
    for (Map.Entry<String, Object> field : formData.entrySet()) {
      Object value = field.getValue();
      if (isList(field.getKey())) {
        List<String> items = lines(value == null ? "" : value.toString());
        if (!items.isEmpty()) {
          form.element(field.getKey(), JSONArray.fromObject(items));
        }
      } else if (!(value instanceof String text && text.isBlank())) {
        form.element(field.getKey(), value);
      }
    }
    return super.newInstance(req, form);
  }

  /** A list argument as its text area shows it, one item per line; the step's default for a new step. */
  public String lines(OkmsStep step, String field) {
    try {
      OkmsStep shown = step != null ? step : defaults();
      Object value = OkmsStep.class.getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1))
          .invoke(shown);
      return value instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList()) : "";
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(field + " is not a list argument of " + getFunctionName(), e);
    }
  }

  /** The step as its constructor alone makes it, required argument unset: every default. */
  private OkmsStep defaults() throws ReflectiveOperationException {
    for (Constructor<?> constructor : clazz.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        return (OkmsStep) constructor.newInstance(new Object[constructor.getParameterCount()]);
      }
    }
    throw new NoSuchMethodException(clazz.getName() + " has no @DataBoundConstructor");
  }

  public ListBoxModel doFillOvhCredentialsIdItems(@AncestorInPath Item item,
      @QueryParameter String ovhCredentialsId) {
    return credentials(item, ovhCredentialsId, CredentialsMatchers.anyOf(
        CredentialsMatchers.instanceOf(OvhApiCredentials.class),
        CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
        CredentialsMatchers.instanceOf(FileCredentials.class)));
  }

  public ListBoxModel doFillVcenterCredentialsIdItems(@AncestorInPath Item item,
      @QueryParameter String vcenterCredentialsId) {
    return credentials(item, vcenterCredentialsId,
        CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
  }

  public FormValidation doCheckRegion(@QueryParameter String value) {
    return check(SettingNames.REGION, value, () -> EncryptionSettings.builder().region(value).build()
        .validateOkms());
  }

  public FormValidation doCheckPccServiceName(@QueryParameter String value) {
    return check(SettingNames.PCC_SERVICE_NAME, value, () -> EncryptionSettings.builder().pccServiceName(value)
        .build().validatePcc());
  }

  public FormValidation doCheckVcenterThumbprint(@QueryParameter String value) {
    return check(SettingNames.VCENTER_THUMBPRINT, value, () -> VcenterSettings.checkThumbprint(value));
  }

  public FormValidation doCheckVms(@QueryParameter String value) {
    return check(SettingNames.VMS, value, () -> EncryptionSettings.builder().vms(lines(value)).build()
        .validateVms());
  }

  /**
   * Who configures the job (or, outside a job, an administrator) sees the credentials of the accepted kinds that the
   * job's builds could use; anyone else only the id already chosen. As credentials-binding's own drop-down does, the
   * list is of the credentials available to the system, since a build's user is not known when configuring.
   */
  private static ListBoxModel credentials(Item item, String current, CredentialsMatcher kinds) {
    StandardListBoxModel model = new StandardListBoxModel();
    boolean allowed = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
        : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    if (!allowed) {
      return model.includeCurrentValue(current);
    }
    return model.includeEmptyValue().includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(), kinds)
        .includeCurrentValue(current);
  }

  /** The core's verdict on one field: its problems only (a blank field is the step's business at run time). */
  private static FormValidation check(String field, String value, Runnable validation) {
    if (value == null || value.isBlank()) {
      return FormValidation.ok();
    }
    try {
      validation.run();
      return FormValidation.ok();
    } catch (UserException e) {
      List<String> problems = new ArrayList<>();
      for (UserException problem : e instanceof ConfigurationException all ? all.problems() : List.of(e)) {
        if (problem.field().map(field::equals).orElse(false)) {
          problems.add(SettingSpelling.JENKINS.rewrite(problem.getMessage()));
        }
      }
      return problems.isEmpty() ? FormValidation.ok() : FormValidation.error(String.join("; ", problems));
    }
  }

  private boolean isList(String field) {
    for (Method method : clazz.getMethods()) {
      if (method.getName().equals("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1))
          && method.getParameterCount() == 1 && List.class.isAssignableFrom(method.getParameterTypes()[0])) {
        return true;
      }
    }
    return false;
  }

  /** Items one per line, blanks dropped. */
  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
