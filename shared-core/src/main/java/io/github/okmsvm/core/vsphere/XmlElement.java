package io.github.okmsvm.core.vsphere;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An XML element as SOAP needs it: a local name, attributes (the {@code type} of a managed object reference, the
 * {@code xsi:type} of a polymorphic value), text or children in order. Used both to build requests, in the WSDL's
 * element order, and to read answers.
 */
public final class XmlElement {
  private final String name;
  private final Map<String, String> attributes;
  private final String text;
  private final List<XmlElement> children;

  private XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {
    this.name = name;
    this.attributes = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    this.text = text;
    this.children = List.copyOf(children);
  }

  /** An element with children; null children are left out, so optional fields can be passed as null. */
  public static XmlElement of(String name, XmlElement... children) {
    List<XmlElement> present = new ArrayList<>();
    for (XmlElement child : children) {
      if (child != null) {
        present.add(child);
      }
    }
    return new XmlElement(name, Map.of(), null, present);
  }

  public static XmlElement of(String name, List<XmlElement> children) {
    return of(name, children.toArray(new XmlElement[0]));
  }

  /** An element holding text; null text gives no element at all. */
  public static XmlElement text(String name, Object value) {
    return value == null ? null : new XmlElement(name, Map.of(), String.valueOf(value), List.of());
  }

  /** A managed object reference: {@code <name type="VirtualMachine">vm-42</name>}. */
  public static XmlElement moRef(String name, MoRef ref) {
    return ref == null ? null : new XmlElement(name, Map.of("type", ref.type()), ref.value(), List.of());
  }

  /** The same element with {@code xsi:type}, as polymorphic fields need. */
  public XmlElement typed(String xsiType) {
    Map<String, String> withType = new LinkedHashMap<>(attributes);
    withType.put("xsi:type", xsiType);
    return new XmlElement(name, withType, text, children);
  }

  /** The same element under another name, to reuse a read value in a request. */
  public XmlElement renamed(String newName) {
    return new XmlElement(newName, attributes, text, children);
  }

  static XmlElement parsed(String name, Map<String, String> attributes, String text, List<XmlElement> children) {
    return new XmlElement(name, attributes, text, children);
  }

  public String name() {
    return name;
  }

  public Map<String, String> attributes() {
    return attributes;
  }

  /** The {@code xsi:type} of this element, without a namespace prefix, or null. */
  public String xsiType() {
    String type = attributes.get("xsi:type");
    return type == null ? null : type.substring(type.indexOf(':') + 1);
  }

  public String text() {
    return text == null ? "" : text;
  }

  public List<XmlElement> children() {
    return children;
  }

  // plain loops: a page of a thousand VMs asks these hundreds of thousands of times
  public List<XmlElement> children(String childName) {
    List<XmlElement> named = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        named.add(child);
      }
    }
    return Collections.unmodifiableList(named);
  }

  public Optional<XmlElement> child(String childName) {
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** The text of the first child named {@code childName}, or null. */
  public String childText(String childName) {
    return child(childName).map(XmlElement::text).orElse(null);
  }

  /** Follows a dotted path of child names, such as {@code info.state}. */
  public Optional<XmlElement> path(String dotted) {
    XmlElement current = this;
    for (String step : dotted.split("\\.")) {
      Optional<XmlElement> next = current.child(step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.of(current);
  }

  /** This element read as a managed object reference. */
  public MoRef asMoRef() {
    return new MoRef(attributes.getOrDefault("type", ""), text());
  }

  @Override
  public String toString() {
    return "<" + name + (children.isEmpty() ? ">" + text() : " (" + children.size() + " children)>");
  }
}
