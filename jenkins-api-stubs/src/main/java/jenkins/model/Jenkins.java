package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Jenkins core's controller singleton, the members the plugin uses. As in Jenkins, constructing it makes it the
 * instance; tests construct one to stand for a running controller.
 */
public class Jenkins implements AccessControlled {
  public static final Permission ADMINISTER = new Permission("hudson.model.Hudson.Administer");
  private static volatile Jenkins theInstance;

  /** Manage Jenkins > System > HTTP Proxy, or null when none is set. */
  public transient volatile ProxyConfiguration proxy;

  protected Jenkins() {
    theInstance = this;
  }

  public static Jenkins get() throws IllegalStateException {
    Jenkins instance = theInstance;
    if (instance == null) {
      throw new IllegalStateException("Jenkins.instance is missing. Read the documentation of"
          + " Jenkins.getInstanceOrNull to see what you are doing wrong.");
    }
    return instance;
  }

  public static Jenkins getInstanceOrNull() {
    return theInstance;
  }

  /** The stub grants no permission: a test's subclass says which the user has. */
  @Override
  public boolean hasPermission(Permission permission) {
    return false;
  }

  /** Stands for a controller shutting down: there is no instance any more. */
  public void cleanUp() {
    if (theInstance == this) {
      theInstance = null;
    }
  }
}
