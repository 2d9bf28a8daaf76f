package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A managed object the PropertyCollector reads: its reference and its properties as vim25 values. */
interface VimObject {
  MoRef ref();

  /** A top-level property as an element named {@code val} with its xsi:type, or null while vCenter leaves it unset. */
  XmlElement property(String name);

  /**
   * The value at a property path such as {@code summary.config.name}: the top-level property, then its fields by name
   * (vim25 values are written field by field, so a nested path is a walk down the top-level value). Null when unset.
   */
  default XmlElement value(String path) {
    String[] steps = path.split("\\.");
    XmlElement current = property(steps[0]);
    for (int i = 1; i < steps.length && current != null; i++) {
      List<XmlElement> fields = current.children(steps[i]);
      if (fields.size() > 1 && i == steps.length - 1) {
        return array(fields); // an array field: its items, written as the top-level array of their type
      }
      current = fields.size() == 1 ? fields.get(0) : null; // a path does not reach into arrays
    }
    if (current == null) {
      return null;
    }
    XmlElement found = current.renamed("val");
    return found.xsiType() != null || !found.children().isEmpty() ? found : found.typed(leafType(found.text()));
  }

  /** The XML Schema type of a field's text where the value was written without one, as {@code val} needs one. */
  private static String leafType(String text) {
    if (text.equals("true") || text.equals("false")) {
      return "xsd:boolean";
    }
    if (text.matches("-?\\d{1,18}")) {
      long number = Long.parseLong(text);
      return number == (int) number ? "xsd:int" : "xsd:long";
    }
    return "xsd:string";
  }

  /** Items of one type written as vim25 writes an array value: {@code ArrayOfT} holding one {@code T} each. */
  private static XmlElement array(List<XmlElement> items) {
    String type = items.get(0).xsiType();
    if (type == null || items.stream().anyMatch(item -> !type.equals(item.xsiType()))) {
      return null;
    }
    return XmlElement.of("val", items.stream().map(item -> item.renamed(type)).toList()).typed("ArrayOf" + type);
  }

  /** The managed objects a property refers to (one reference or an array of them), for traversal. */
  default List<MoRef> references(String path) {
    XmlElement found = value(path);
    List<MoRef> refs = new ArrayList<>();
    if (found == null) {
      return refs;
    }
    if (found.attributes().containsKey("type")) {
      refs.add(found.asMoRef());
    }
    for (XmlElement child : found.children()) {
      if (child.attributes().containsKey("type")) {
        refs.add(child.asMoRef());
      }
    }
    return refs;
  }

  /** An object whose properties {@code properties} answers by top-level name. */
  static VimObject of(MoRef ref, Function<String, XmlElement> properties) {
    return new VimObject() {
      @Override
      public MoRef ref() {
        return ref;
      }

      @Override
      public XmlElement property(String name) {
        return properties.apply(name);
      }
    };
  }

  /** A reference-valued property. */
  static XmlElement ref(MoRef ref) {
    return XmlElement.moRef("val", ref).typed("ManagedObjectReference");
  }

  /** An array of references, such as {@code childEntity} or {@code datastore}. */
  static XmlElement refs(List<MoRef> refs) {
    return XmlElement.of("val", refs.stream().map(r -> XmlElement.moRef("ManagedObjectReference", r)).toList())
        .typed("ArrayOfManagedObjectReference");
  }

  static XmlElement string(String name, Object value) {
    XmlElement element = XmlElement.text(name, value);
    return element == null ? null : element.typed("xsd:string");
  }

  static XmlElement bool(String name, boolean value) {
    return XmlElement.text(name, value).typed("xsd:boolean");
  }

  static XmlElement integer(String name, int value) {
    return XmlElement.text(name, value).typed("xsd:int");
  }

  static XmlElement longValue(String name, long value) {
    return XmlElement.text(name, value).typed("xsd:long");
  }
}
