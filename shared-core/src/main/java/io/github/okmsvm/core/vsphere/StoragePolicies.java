package io.github.okmsvm.core.vsphere;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Storage policies through SPBM ({@code /pbm}): find by name, the encryption component, create, associations. */
public final class StoragePolicies {
  /** The name vCenter gives its host-based "Default encryption properties" component. */
  public static final String ENCRYPTION_COMPONENT_NAME = "Default encryption properties";
  /** That component's id on the vCenters seen so far, for when it cannot be looked up. */
  public static final String KNOWN_ENCRYPTION_COMPONENT_ID = "ad5a249d-cbc2-43af-9366-694d7664fa52";
  private static final String DATA_SERVICE_NAMESPACE = "com.vmware.storageprofile.dataservice";

  /** A storage policy as PBM describes it. */
  public record Profile(String id, String name, String description, String category) {}

  private final VimClient client;
  private volatile MoRef profileManager;

  public StoragePolicies(VimClient client) {
    this.client = client;
  }

  /** The PBM profile manager, from {@code PbmRetrieveServiceContent}. */
  public MoRef profileManager() {
    if (profileManager == null) {
      profileManager = client.invokePbm("PbmRetrieveServiceContent", new MoRef("PbmServiceInstance",
          "ServiceInstance")).path("returnval.profileManager").map(XmlElement::asMoRef)
          .orElseThrow(() -> new VimException("PbmRetrieveServiceContent answered no profile manager"));
    }
    return profileManager;
  }

  /** The ids of the storage profiles of {@code category} ({@code REQUIREMENT}, {@code DATA_SERVICE_POLICY}). */
  public List<String> queryProfile(String category) {
    XmlElement response = client.invokePbm("PbmQueryProfile", profileManager(),
        XmlElement.of("resourceType", XmlElement.text("resourceType", "STORAGE")),
        XmlElement.text("profileCategory", category));
    return response.children("returnval").stream().map(id -> id.childText("uniqueId")).toList();
  }

  public List<Profile> retrieveContent(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<XmlElement> profileIds = new ArrayList<>();
    ids.forEach(id -> profileIds.add(XmlElement.of("profileIds", XmlElement.text("uniqueId", id))));
    XmlElement response = client.invokePbm("PbmRetrieveContent", profileManager(),
        profileIds.toArray(new XmlElement[0]));
    return response.children("returnval").stream().map(profile -> new Profile(
        profile.path("profileId.uniqueId").map(XmlElement::text).orElse(null), profile.childText("name"),
        profile.childText("description"), profile.childText("profileCategory"))).toList();
  }

  public Optional<Profile> findRequirementProfile(String name) {
    return retrieveContent(queryProfile("REQUIREMENT")).stream().filter(profile -> name.equals(profile.name()))
        .findFirst();
  }

  /** The "Default encryption properties" component's id, looked up by name; the known id when there is none. */
  public String encryptionComponentId() {
    return retrieveContent(queryProfile("DATA_SERVICE_POLICY")).stream()
        .filter(profile -> ENCRYPTION_COMPONENT_NAME.equals(profile.name())).map(Profile::id).findFirst()
        .orElse(KNOWN_ENCRYPTION_COMPONENT_ID);
  }

  /** Creates a requirement policy whose one rule is the host-based encryption component; returns its id. */
  public String createEncryptionPolicy(String name, String description, String componentId) {
    XmlElement rule = XmlElement.of("capability",
        XmlElement.of("id", XmlElement.text("namespace", DATA_SERVICE_NAMESPACE), XmlElement.text("id", componentId)),
        XmlElement.of("constraint", XmlElement.of("propertyInstance", XmlElement.text("id", componentId),
            XmlElement.text("value", componentId).typed("xsd:string"))));
    XmlElement spec = XmlElement.of("createSpec", XmlElement.text("name", name),
        XmlElement.text("description", description), XmlElement.text("category", "REQUIREMENT"),
        XmlElement.of("resourceType", XmlElement.text("resourceType", "STORAGE")),
        XmlElement.of("constraints", XmlElement.of("subProfiles", XmlElement.text("name", "Host based services"),
            rule)).typed("PbmCapabilitySubProfileConstraints"));
    return client.invokePbm("PbmCreate", profileManager(), spec).path("returnval.uniqueId").map(XmlElement::text)
        .orElseThrow(() -> new VimException("PbmCreate answered no profile id"));
  }

  /** The policies associated with a VM home ({@code virtualMachine}, {@code vm-42}) or disk ({@code virtualDiskId}, {@code vm-42:2000}). */
  public List<String> associatedProfiles(String objectType, String key) {
    XmlElement response = client.invokePbm("PbmQueryAssociatedProfile", profileManager(),
        XmlElement.of("entity", XmlElement.text("objectType", objectType), XmlElement.text("key", key)));
    return response.children("returnval").stream().map(id -> id.childText("uniqueId")).toList();
  }
}
