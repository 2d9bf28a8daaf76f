package io.github.okmsvm.sandbox.vcenter;

import io.github.okmsvm.core.vsphere.MoRef;
import io.github.okmsvm.core.vsphere.XmlElement;
import java.util.List;

/** A vim25 or PBM fault the sandbox answers, as vCenter would: its type, message and the fault's own fields. */
final class SoapFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String type;
  final transient List<XmlElement> fields;

  SoapFault(String type, String message) {
    this(type, message, List.of());
  }

  SoapFault(String type, String message, List<XmlElement> fields) {
    super(message, null, false, false);
    this.type = type;
    this.fields = List.copyOf(fields);
  }

  static SoapFault invalidArgument(String property) {
    return new SoapFault("InvalidArgument", "A specified parameter was not correct: " + property,
        List.of(XmlElement.text("invalidProperty", property)));
  }

  /** vim25 InvalidProperty: a property path the object's type does not have. */
  static SoapFault invalidProperty(String path) {
    return new SoapFault("InvalidProperty", "", List.of(XmlElement.text("name", path)));
  }

  static SoapFault notFound(MoRef object) {
    return new SoapFault("ManagedObjectNotFound", "The object '" + object.type() + ":" + object.value()
        + "' has already been deleted or has not been completely created", List.of(XmlElement.moRef("obj", object)));
  }
}
