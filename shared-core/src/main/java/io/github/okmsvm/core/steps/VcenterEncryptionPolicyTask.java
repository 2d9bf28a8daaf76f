package io.github.okmsvm.core.steps;

import static io.github.okmsvm.core.config.SettingNames.STORAGE_POLICY_NAME;
import static io.github.okmsvm.core.config.SettingNames.VCENTER_API;

import io.github.okmsvm.core.config.EncryptionSettings;
import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.vsphere.StoragePolicies;
import io.github.okmsvm.core.vsphere.VimException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guide step 5: a VM storage policy whose rule is vCenter's host-based "Default encryption properties" component
 * (looked up by name, its known id as fallback), found by name or created once.
 */
public final class VcenterEncryptionPolicyTask implements GuideStep {
  @Override
  public String name() {
    return "vcenterEncryptionPolicy";
  }

  @Override
  public Set<String> settings() {
    return SettingNames.of(List.of(STORAGE_POLICY_NAME), VCENTER_API);
  }

  @Override
  public void validate(EncryptionSettings settings) {
    settings.validateVcenter();
  }

  @Override
  public String run(StepContext context) {
    String name = context.settings().storagePolicyName;
    StoragePolicies policies = new StoragePolicies(context.vcenter());
    Optional<StoragePolicies.Profile> existing = policies.findRequirementProfile(name);
    if (existing.isPresent()) {
      context.put(Outputs.STORAGE_POLICY_ID, existing.get().id());
      return "storage policy " + name + " exists";
    }
    String component = policies.encryptionComponentId();
    if (!context.change("create storage policy " + name + " with \"" + StoragePolicies.ENCRYPTION_COMPONENT_NAME
        + "\"")) {
      return "would create storage policy " + name;
    }
    try {
      context.put(Outputs.STORAGE_POLICY_ID, policies.createEncryptionPolicy(name,
          "VM encryption with OVHcloud KMS (okms-vm-encryption)", component));
    } catch (VimException e) {
      // an answer lost after the policy was made, or a name taken meanwhile: the policy by that name is the one
      context.put(Outputs.STORAGE_POLICY_ID, policies.findRequirementProfile(name).orElseThrow(() -> e).id());
    }
    return "storage policy " + name + " created";
  }
}
