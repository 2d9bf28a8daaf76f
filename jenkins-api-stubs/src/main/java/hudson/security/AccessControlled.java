package hudson.security;

/** Jenkins core's object with permissions (an interface; {@code hasPermission} is a default method there). */
public interface AccessControlled {
  boolean hasPermission(Permission permission);
}
