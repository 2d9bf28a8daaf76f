package io.github.okmsvm.sandbox.vcenter;

/** A vim25 or PBM fault the sandbox answers, as vCenter would: its type and message. */
final class SoapFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String type;

  SoapFault(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  static SoapFault invalidArgument(String property) {
    return new SoapFault("InvalidArgument", "A specified parameter was not correct: " + property);
  }

  static SoapFault notFound(String what) {
    return new SoapFault("ManagedObjectNotFound", "The object '" + what + "' has already been deleted or has not"
        + " been completely created");
  }
}
