package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Jenkins core's job or folder (an interface), with the permissions the plugin checks. */
public interface Item extends AccessControlled {
  Permission CONFIGURE = new Permission("hudson.model.Item.Configure");
  Permission EXTENDED_READ = new Permission("hudson.model.Item.ExtendedRead");

  String getFullName();
}
