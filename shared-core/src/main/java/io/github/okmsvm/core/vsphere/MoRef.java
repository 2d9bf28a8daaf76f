package io.github.okmsvm.core.vsphere;

/** A managed object reference: the type and id of a vCenter object, such as {@code VirtualMachine:vm-42}. */
public record MoRef(String type, String value) {
  @Override
  public String toString() {
    return type + ":" + value;
  }
}
