package io.github.okmsvm.core.vsphere;

/**
 * A SOAP fault vCenter answered, typed by its fault name and carrying vCenter's own message. The common ones have
 * their own subclass so that callers can catch them; any other is a plain {@code VimFault} with its name.
 */
public class VimFault extends VimException {
  private static final long serialVersionUID = 1L;

  private final String faultName;
  private final String method;

  VimFault(String faultName, String method, String message) {
    super(method + " failed with " + faultName + ": " + message);
    this.faultName = faultName;
    this.method = method;
  }

  /** The vim25 fault type, such as {@code InvalidPowerState}. */
  public String faultName() {
    return faultName;
  }

  public String method() {
    return method;
  }

  static VimFault of(String faultName, String method, String message) {
    return switch (faultName) {
      case "NotAuthenticated" -> new NotAuthenticated(method, message);
      case "InvalidLogin" -> new InvalidLogin(method, message);
      case "InvalidPowerState" -> new InvalidPowerState(method, message);
      case "InvalidState" -> new InvalidState(method, message);
      case "ManagedObjectNotFound" -> new ManagedObjectNotFound(method, message);
      case "InvalidArgument" -> new InvalidArgument(method, message);
      case "MethodNotFound" -> new MethodNotFound(method, message);
      case "RuntimeFault", "SystemError" -> new RuntimeFault(faultName, method, message);
      default -> new VimFault(faultName, method, message);
    };
  }

  /** The session is unknown or expired. */
  public static final class NotAuthenticated extends VimFault {
    private static final long serialVersionUID = 1L;

    NotAuthenticated(String method, String message) {
      super("NotAuthenticated", method, message);
    }
  }

  /** The user name or password is wrong. */
  public static final class InvalidLogin extends VimFault {
    private static final long serialVersionUID = 1L;

    InvalidLogin(String method, String message) {
      super("InvalidLogin", method, message);
    }
  }

  /** The VM is not in the power state the operation needs. */
  public static final class InvalidPowerState extends VimFault {
    private static final long serialVersionUID = 1L;

    InvalidPowerState(String method, String message) {
      super("InvalidPowerState", method, message);
    }
  }

  /** The object is in a state that forbids the operation (for example, a VM with snapshots). */
  public static final class InvalidState extends VimFault {
    private static final long serialVersionUID = 1L;

    InvalidState(String method, String message) {
      super("InvalidState", method, message);
    }
  }

  /** The managed object does not exist (any more). */
  public static final class ManagedObjectNotFound extends VimFault {
    private static final long serialVersionUID = 1L;

    ManagedObjectNotFound(String method, String message) {
      super("ManagedObjectNotFound", method, message);
    }
  }

  /** An argument is wrong; the message names it. */
  public static final class InvalidArgument extends VimFault {
    private static final long serialVersionUID = 1L;

    InvalidArgument(String method, String message) {
      super("InvalidArgument", method, message);
    }
  }

  /** This vCenter does not know the method (too old, or a simulator without it). */
  public static final class MethodNotFound extends VimFault {
    private static final long serialVersionUID = 1L;

    MethodNotFound(String method, String message) {
      super("MethodNotFound", method, message);
    }
  }

  /** A generic server-side failure. */
  public static final class RuntimeFault extends VimFault {
    private static final long serialVersionUID = 1L;

    RuntimeFault(String faultName, String method, String message) {
      super(faultName, method, message);
    }
  }
}
