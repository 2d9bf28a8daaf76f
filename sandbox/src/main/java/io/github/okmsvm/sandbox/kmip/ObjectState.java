package io.github.okmsvm.sandbox.kmip;

/** The KMIP object states (1.4 §3.22, enumeration §9.1.3.2.17) the sandbox KMS moves objects through. */
enum ObjectState {
  PRE_ACTIVE(1, "Pre-Active"), ACTIVE(2, "Active"), DEACTIVATED(3, "Deactivated"), COMPROMISED(4, "Compromised");

  final int code;
  final String label;

  ObjectState(int code, String label) {
    this.code = code;
    this.label = label;
  }
}
