package org.jenkinsci.remoting;

/** remoting's marker of what declares where it may run (an interface). */
public interface RoleSensitive {
  void checkRoles(RoleChecker checker) throws SecurityException;
}
