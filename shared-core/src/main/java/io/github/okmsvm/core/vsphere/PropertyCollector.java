package io.github.okmsvm.core.vsphere;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads properties of many objects in few round trips: a ContainerView over a folder, then RetrievePropertiesEx and
 * ContinueRetrievePropertiesEx pages of {@code maxObjects} objects each, the next asked for while the current one is
 * read ({@link PagesAhead}). The views are left to end with the session.
 */
public final class PropertyCollector {
  /** One object and the properties read, by path; a property vCenter did not return is absent. */
  public record ObjectContent(MoRef ref, Map<String, XmlElement> properties) {
    public String text(String path) {
      XmlElement value = properties.get(path);
      return value == null ? null : value.text();
    }
  }

  private final VimClient client;

  public PropertyCollector(VimClient client) {
    this.client = client;
  }

  /** {@code paths} of every object of {@code type} below {@code container}, recursively. */
  public List<ObjectContent> retrieveAll(MoRef container, String type, List<String> paths, int maxObjects) {
    List<ObjectContent> objects = new ArrayList<>();
    retrieveEach(container, type, paths, maxObjects, objects::add);
    return objects;
  }

  /**
   * As {@link #retrieveAll}, each object given to {@code each} as its page arrives, in order, on the caller's thread:
   * what the caller does not keep is garbage once the next page is read, so memory stays with two pages (the one
   * handed out and the one read ahead), whatever the inventory's size.
   */
  public void retrieveEach(MoRef container, String type, List<String> paths, int maxObjects,
      Consumer<ObjectContent> each) {
    // No DestroyView: a view ends with the session that created it, and the client logs out when closed. Destroying
    // it here would add a round trip to the end of every sweep, on a converged run's longest chain.
    MoRef view = client.invoke("CreateContainerView", client.serviceContent().viewManager(),
        XmlElement.moRef("container", container), XmlElement.text("type", type), XmlElement.text("recursive", true))
        .child("returnval").orElseThrow(() -> new VimException("CreateContainerView answered no view")).asMoRef();
    XmlElement objectSpec = XmlElement.of("objectSet", XmlElement.moRef("obj", view),
        XmlElement.text("skip", true),
        XmlElement.of("selectSet", XmlElement.text("name", "view"), XmlElement.text("type", "ContainerView"),
            XmlElement.text("path", "view"), XmlElement.text("skip", false)).typed("TraversalSpec"));
    retrieve(type, paths, objectSpec, maxObjects, each);
  }

  /** {@code paths} of one object; empty when vCenter no longer has it. */
  public Map<String, XmlElement> retrieveOne(MoRef object, List<String> paths) {
    List<ObjectContent> found = new ArrayList<>();
    retrieve(object.type(), paths, XmlElement.of("objectSet", XmlElement.moRef("obj", object),
        XmlElement.text("skip", false)), 0, found::add);
    return found.isEmpty() ? Map.of() : found.get(0).properties();
  }

  private void retrieve(String type, List<String> paths, XmlElement objectSpec, int maxObjects,
      Consumer<ObjectContent> each) {
    List<XmlElement> propertySpec = new ArrayList<>();
    propertySpec.add(XmlElement.text("type", type));
    propertySpec.add(XmlElement.text("all", false));
    paths.forEach(path -> propertySpec.add(XmlElement.text("pathSet", path)));
    XmlElement filter = XmlElement.of("specSet", XmlElement.of("propSet", propertySpec), objectSpec);
    XmlElement options = XmlElement.of("options", maxObjects > 0 ? XmlElement.text("maxObjects", maxObjects) : null);
    MoRef collector = client.serviceContent().propertyCollector();
    PagesAhead pages = new PagesAhead(client, collector);
    try {
      XmlElement result = client.invoke("RetrievePropertiesEx", collector, pages.watcher(0), filter, options)
          .child("returnval").orElse(null);
      while (result != null) {
        for (XmlElement object : result.children("objects")) {
          Map<String, XmlElement> properties = new LinkedHashMap<>();
          for (XmlElement property : object.children("propSet")) {
            property.child("val").ifPresent(value -> properties.put(property.childText("name"), value));
          }
          each.accept(new ObjectContent(object.child("obj").orElseThrow().asMoRef(), properties));
        }
        result = pages.next(result.childText("token"));
      }
    } finally {
      pages.stop();
    }
  }
}
