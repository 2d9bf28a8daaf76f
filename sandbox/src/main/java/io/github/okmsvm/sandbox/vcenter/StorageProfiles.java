package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.StoragePolicies;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's SPBM: vCenter's built-in profiles (among them the "Default encryption properties" component and the
 * stock "VM Encryption Policy"), created profiles, and which profile each VM home and disk has.
 */
final class StorageProfiles {
  static final String COMPONENT = StoragePolicies.KNOWN_ENCRYPTION_COMPONENT_ID;
  private static final String DATA_SERVICE = "com.vmware.storageprofile.dataservice";

  /** A profile; {@code component} is the data-service component its rule names, if any. */
  record Profile(String id, String name, String description, String category, String component, Instant created) {}

  private final Map<String, Profile> profiles = new LinkedHashMap<>();

  StorageProfiles() {
    Instant epoch = Instant.parse("2024-01-01T00:00:00Z");
    add(new Profile(COMPONENT, StoragePolicies.ENCRYPTION_COMPONENT_NAME, "Storage policy component for VM and"
        + " virtual disk encryption", "DATA_SERVICE_POLICY", null, epoch));
    add(new Profile("4d5f673c-536f-11e6-beb8-9e71128cae77", "VM Encryption Policy", "Sample storage policy for VM"
        + " encryption", "REQUIREMENT", COMPONENT, epoch));
    add(new Profile("aa6d5a82-1c88-45da-85d3-3d74b91a5bad", "vSAN Default Storage Policy", "Storage policy used"
        + " as default for vSAN datastores", "REQUIREMENT", null, epoch));
  }

  private void add(Profile profile) {
    profiles.put(profile.id(), profile);
  }

  synchronized boolean encrypts(String profileId) {
    Profile profile = profiles.get(profileId);
    if (profile == null) {
      throw new SoapFault("InvalidArgument", "A specified parameter was not correct: profile " + profileId
          + " does not exist");
    }
    return COMPONENT.equals(profile.component());
  }

  XmlElement serviceContent() {
    return XmlElement.of("returnval",
        XmlElement.of("aboutInfo", XmlElement.text("name", "PBM"), XmlElement.text("version", "8.0.3.0"),
            XmlElement.text("instanceUuid", "b5d1e7a4-okms-sandbox")),
        XmlElement.moRef("sessionManager", new MoRef("PbmSessionManager", "SessionManager")),
        XmlElement.moRef("capabilityMetadataManager", new MoRef("PbmCapabilityMetadataManager",
            "CapabilityMetadataManager")),
        XmlElement.moRef("profileManager", new MoRef("PbmProfileProfileManager", "ProfileManager")),
        XmlElement.moRef("complianceManager", new MoRef("PbmComplianceManager", "complianceManager")),
        XmlElement.moRef("placementSolver", new MoRef("PbmPlacementSolver", "placementSolver")));
  }

  synchronized List<XmlElement> query(XmlElement request) {
    String category = request.childText("profileCategory");
    List<XmlElement> ids = new ArrayList<>();
    for (Profile profile : profiles.values()) {
      if (category == null || category.equals(profile.category())) {
        ids.add(XmlElement.of("returnval", XmlElement.text("uniqueId", profile.id())));
      }
    }
    return ids;
  }

  synchronized List<XmlElement> retrieve(XmlElement request) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement id : request.children("profileIds")) {
      Profile profile = profiles.get(id.childText("uniqueId"));
      if (profile != null) {
        found.add(toXml(profile));
      }
    }
    return found;
  }

  synchronized XmlElement create(XmlElement request) {
    XmlElement spec = request.child("createSpec").orElseThrow(() -> SoapFault.invalidArgument("createSpec"));
    String name = spec.childText("name");
    if (name == null || name.isBlank()) {
      throw SoapFault.invalidArgument("createSpec.name");
    }
    if (profiles.values().stream().anyMatch(profile -> profile.name().equals(name))) {
      throw new SoapFault("PbmDuplicateName", "A profile with the name " + name + " already exists");
    }
    String component = null;
    for (XmlElement sub : spec.path("constraints").map(c -> c.children("subProfiles")).orElse(List.of())) {
      for (XmlElement capability : sub.children("capability")) {
        if (DATA_SERVICE.equals(capability.path("id.namespace").map(XmlElement::text).orElse(null))) {
          component = capability.path("id.id").map(XmlElement::text).orElse(null);
        }
      }
    }
    Profile profile = new Profile(UUID.randomUUID().toString(), name, spec.childText("description"),
        spec.childText("category") == null ? "REQUIREMENT" : spec.childText("category"), component, Instant.now());
    add(profile);
    return XmlElement.of("returnval", XmlElement.text("uniqueId", profile.id()));
  }

  private static XmlElement toXml(Profile profile) {
    XmlElement constraints = profile.component() == null ? null : XmlElement.of("constraints",
        XmlElement.of("subProfiles", XmlElement.text("name", "Host based services"),
            XmlElement.of("capability", XmlElement.of("id", XmlElement.text("namespace", DATA_SERVICE),
                XmlElement.text("id", profile.component())),
                XmlElement.of("constraint", XmlElement.of("propertyInstance", XmlElement.text("id",
                    profile.component()), XmlElement.text("value", profile.component()).typed("xsd:string"))))))
        .typed("PbmCapabilitySubProfileConstraints");
    return XmlElement.of("returnval", XmlElement.of("profileId", XmlElement.text("uniqueId", profile.id())),
        XmlElement.text("name", profile.name()), XmlElement.text("description", profile.description()),
        XmlElement.text("creationTime", profile.created().toString()), XmlElement.text("createdBy", "Temporary user"),
        XmlElement.text("lastUpdatedTime", profile.created().toString()),
        XmlElement.text("lastUpdatedBy", "Temporary user"),
        XmlElement.text("profileCategory", profile.category()),
        XmlElement.of("resourceType", XmlElement.text("resourceType", "STORAGE")), constraints)
        .typed("PbmCapabilityProfile");
  }
}
