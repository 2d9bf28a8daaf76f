package io.github.okmsvm.core.vsphere;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/** SOAP 1.1 envelopes over StAX: writes requests, reads answers into {@link XmlElement} trees. */
public final class SoapCodec {
  static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String XSD = "http://www.w3.org/2001/XMLSchema";

  private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();
  /** Found once: each lookup of a factory searches the class path. */
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  static {
    // No DTDs, no external entities: answers are data, never instructions to fetch anything.
    INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private SoapCodec() {}

  /** An envelope whose body holds {@code body} in {@code namespace}; {@code header} may be null. */
  public static String envelope(String namespace, XmlElement header, XmlElement body) {
    return document(writer -> {
      if (header != null) {
        writer.writeStartElement("soapenv", "Header", ENVELOPE);
        write(writer, header, null);
        writer.writeEndElement();
      }
      writer.writeStartElement("soapenv", "Body", ENVELOPE);
      write(writer, body, namespace);
      writer.writeEndElement();
    });
  }

  /** A SOAP fault envelope as vCenter writes it: {@code faultstring}, then the typed fault under {@code detail}. */
  public static String faultEnvelope(String namespace, String faultType, String message) {
    return faultEnvelope(namespace, faultType, message, java.util.List.of());
  }

  /** As above, with the fault's own fields ({@code invalidProperty}, {@code obj}, {@code name}, ...). */
  public static String faultEnvelope(String namespace, String faultType, String message,
      java.util.List<XmlElement> fields) {
    return document(writer -> {
      writer.writeStartElement("soapenv", "Body", ENVELOPE);
      writer.writeStartElement("soapenv", "Fault", ENVELOPE);
      writer.writeStartElement("faultcode");
      writer.writeCharacters("ServerFaultCode");
      writer.writeEndElement();
      writer.writeStartElement("faultstring");
      writer.writeCharacters(message);
      writer.writeEndElement();
      writer.writeStartElement("detail");
      writer.writeStartElement(faultType + "Fault");
      writer.writeDefaultNamespace(namespace);
      writer.writeAttribute("xsi", XSI, "type", faultType);
      for (XmlElement field : fields) {
        write(writer, field, namespace);
      }
      writer.writeEndElement();
      writer.writeEndElement();
      writer.writeEndElement();
      writer.writeEndElement();
    });
  }

  private interface Content {
    void write(XMLStreamWriter writer) throws XMLStreamException;
  }

  /** An envelope declaring the SOAP, XSI and XSD namespaces around {@code content}. */
  private static String document(Content content) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(text);
      writer.writeStartDocument("UTF-8", "1.0");
      writer.writeStartElement("soapenv", "Envelope", ENVELOPE);
      writer.writeNamespace("soapenv", ENVELOPE);
      writer.writeNamespace("xsi", XSI);
      writer.writeNamespace("xsd", XSD);
      content.write(writer);
      writer.writeEndElement();
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a SOAP envelope", e);
    }
    return text.toString();
  }

  private static void write(XMLStreamWriter writer, XmlElement element, String namespace) throws XMLStreamException {
    writer.writeStartElement(element.name());
    if (namespace != null) {
      writer.writeDefaultNamespace(namespace);
    }
    for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
      if (attribute.getKey().startsWith("xsi:")) {
        writer.writeAttribute("xsi", XSI, attribute.getKey().substring(4), attribute.getValue());
      } else {
        writer.writeAttribute(attribute.getKey(), attribute.getValue());
      }
    }
    if (element.children().isEmpty()) {
      writer.writeCharacters(element.text());
    } else {
      for (XmlElement child : element.children()) {
        write(writer, child, null);
      }
    }
    writer.writeEndElement();
  }

  /** The first element inside the SOAP body: a method's response or a fault. */
  public static XmlElement bodyContent(byte[] xml) {
    XmlElement envelope = parse(xml);
    XmlElement body = envelope.child("Body").orElseThrow(() -> new VimException("the answer has no SOAP body"));
    if (body.children().isEmpty()) {
      throw new VimException("the SOAP body is empty");
    }
    return body.children().get(0);
  }

  /**
   * The text of the first element named {@code name} before any element named {@code before}, read from the start of
   * {@code xml} only; null when there is none, or when {@code xml} is not XML (its full parse will say why).
   */
  static String leadingText(byte[] xml, String name, String before) {
    try {
      XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            if (reader.getLocalName().equals(before)) {
              return null;
            }
            if (reader.getLocalName().equals(name)) {
              return reader.getElementText();
            }
          }
        }
        return null;
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return null;
    }
  }

  /** The whole document as a tree of local names; {@code xsi:type} keeps its prefix-free value. */
  public static XmlElement parse(byte[] xml) {
    try {
      XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
      Deque<Builder> stack = new ArrayDeque<>();
      XmlElement root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          int count = reader.getAttributeCount();
          Map<String, String> attributes = count == 0 ? Map.of() : new LinkedHashMap<>();
          for (int i = 0; i < count; i++) {
            String key = XSI.equals(reader.getAttributeNamespace(i)) ? "xsi:" + reader.getAttributeLocalName(i)
                : reader.getAttributeLocalName(i);
            attributes.put(key, reader.getAttributeValue(i));
          }
          stack.push(new Builder(reader.getLocalName(), attributes));
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (!stack.isEmpty()) {
            stack.peek().text.append(reader.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          Builder done = stack.pop();
          XmlElement element = XmlElement.parsed(done.name, done.attributes,
              done.children.isEmpty() ? done.text.toString() : null, done.children);
          if (stack.isEmpty()) {
            root = element;
          } else {
            stack.peek().children.add(element);
          }
        }
      }
      if (root == null) {
        throw new VimException("the answer holds no XML element");
      }
      return root;
    } catch (XMLStreamException e) {
      throw new VimException("the answer is not XML: " + e.getMessage());
    }
  }

  private static final class Builder {
    final String name;
    final Map<String, String> attributes;
    final StringBuilder text = new StringBuilder();
    final List<XmlElement> children = new ArrayList<>();

    Builder(String name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }
  }
}
