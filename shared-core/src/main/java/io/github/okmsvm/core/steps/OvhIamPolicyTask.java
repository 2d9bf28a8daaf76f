package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.IAM_ACTIONS;
import static io.github.okmsvm.core.config.SettingNames.IAM_POLICY_NAME;
import static io.github.okmsvm.core.config.SettingNames.IDENTITY_URNS;
import static io.github.okmsvm.core.config.SettingNames.OVH_API;
import static io.github.okmsvm.core.config.SettingNames.PCC_SERVICE_NAME;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.ovh.IamApi;
import io.github.okmsvm.core.ovh.OvhApiException;
import io.github.okmsvm.core.ovh.OvhTransportException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guide step 4: an IAM policy, found by name, that lets the identities use the OKMS and the PCC with the given actions
 * and nothing more. Resource URNs come from the API (steps 1 and 2), never built by hand.
 */
public final class OvhIamPolicyTask implements GuideStep {
  @Override
  public String name() {
    return "ovhIamPolicy";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(PCC_SERVICE_NAME, IDENTITY_URNS, IAM_POLICY_NAME, IAM_ACTIONS), OVH_API);
  }

  @Override
  public void validate(EncryptionSettings settings) {
    settings.validatePcc();
  }

  @Override
  public void preflight(StepContext context) {
    context.dedicatedCloud();
  }

  @Override
  public String run(StepContext context) {
    String name = context.settings().iamPolicyName;
    // the account and its policies do not depend on the OKMS: read while it is looked for
    IamApi iam = context.iam();
    ReadAhead<Optional<IamApi.Policy>> named = ReadAhead.start("iam-policies", () -> byName(iam, name));
    ReadAhead<String> account = context.settings().identityUrns.isEmpty()
        ? ReadAhead.start("account", () -> context.orders().me().nichandle()) : null;
    Optional<String> okmsUrn = context.output(Outputs.OKMS_URN);
    Optional<String> pccUrn = context.output(Outputs.PCC_URN).or(() -> Optional.ofNullable(
        context.dedicatedCloud().iam())
        .map(io.github.okmsvm.core.ovh.IamMetadata::urn));
    if (okmsUrn.isEmpty() || pccUrn.isEmpty()) {
      if (context.plan()) {
        context.change("create IAM policy " + name + " for the new OKMS and the PCC");
        return "would create IAM policy " + name;
      }
      throw new StepException("ovhIamPolicy needs the OKMS and PCC URNs: run okmsOrder and pccOpenKmsFlow first");
    }
    List<String> identities = account != null ? List.of(accountIdentity(okmsUrn.get(), account.get()))
        : context.settings().identityUrns;
    IamApi.PolicyRequest wanted = new IamApi.PolicyRequest(name, "VM encryption with OKMS (okms-vm-encryption)",
        identities, List.of(new IamApi.ResourceRef(okmsUrn.get()), new IamApi.ResourceRef(pccUrn.get())),
        IamApi.Permissions.allowing(context.settings().iamActions));
    Optional<IamApi.Policy> existing = named.get();
    if (existing.isPresent()) {
      context.put(Outputs.IAM_POLICY_ID, existing.get().id());
      if (same(existing.get(), wanted)) {
        return "IAM policy " + name + " up to date";
      }
      if (context.change("update IAM policy " + name + " (identities, resources or actions differ)")) {
        iam.update(existing.get().id(), wanted);
      }
      return "IAM policy " + name + " updated";
    }
    if (!context.change("create IAM policy " + name + " allowing " + String.join(", ",
        context.settings().iamActions) + " to " + String.join(", ", identities))) {
      return "would create IAM policy " + name;
    }
    try {
      context.put(Outputs.IAM_POLICY_ID, iam.create(wanted).id());
    } catch (OvhApiException e) {
      if (e.status() != 409) {
        throw e;
      }
      // names are unique: another run created it between this run's read and write; converge on that one
      IamApi.Policy created = byName(iam, name).orElseThrow(() -> e);
      context.warn("IAM policy " + name + " was created by another run meanwhile (" + created.id() + ")");
      context.put(Outputs.IAM_POLICY_ID, created.id());
      if (!same(created, wanted) && context.change("update IAM policy " + name + " (identities, resources or"
          + " actions differ)")) {
        iam.update(created.id(), wanted);
      }
    } catch (OvhTransportException e) {
      context.warn("no answer to the IAM policy creation; checking whether it was applied");
      context.put(Outputs.IAM_POLICY_ID, byName(iam, name).orElseThrow(() -> new StepException("the IAM policy "
          + name + " was not created (" + e.getMessage() + "): run again")).id());
    }
    return "IAM policy " + name + " created";
  }

  private static Optional<IamApi.Policy> byName(IamApi iam, String name) {
    return iam.policies().stream().filter(policy -> name.equals(policy.name())).findFirst();
  }

  private static boolean same(IamApi.Policy policy, IamApi.PolicyRequest wanted) {
    return set(policy.identities()).equals(set(wanted.identities()))
        && set(policy.resources().stream().map(IamApi.ResourceRef::urn).toList())
            .equals(set(wanted.resources().stream().map(IamApi.ResourceRef::urn).toList()))
        && set(actions(policy.permissions())).equals(set(actions(wanted.permissions())));
  }

  private static List<String> actions(IamApi.Permissions permissions) {
    return permissions == null || permissions.allow() == null ? List.of()
        : permissions.allow().stream().map(IamApi.ActionRef::action).toList();
  }

  private static Set<String> set(List<String> values) {
    return values == null ? Set.of() : new HashSet<>(values);
  }

  private static String accountIdentity(String okmsUrn, String nichandle) {
    return "urn:v1:" + okmsUrn.split(":")[2] + ":identity:account:" + nichandle;
  }
}
