package org.jenkinsci.remoting;

import java.util.Collection;

/** remoting's check that a callable may run on this side of the channel (an abstract class). */
public abstract class RoleChecker {
  public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;
}
