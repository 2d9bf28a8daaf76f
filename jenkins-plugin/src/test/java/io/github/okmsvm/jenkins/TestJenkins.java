package io.github.okmsvm.jenkins;

import hudson.ProxyConfiguration;
import hudson.security.Permission;
import jenkins.model.Jenkins;

/** A running controller, as far as the steps see one: its HTTP proxy settings, and whether the user administers it. */
final class TestJenkins extends Jenkins implements AutoCloseable {
  private final boolean administrator;

  TestJenkins(ProxyConfiguration proxy) {
    this(proxy, true);
  }

  TestJenkins(ProxyConfiguration proxy, boolean administrator) {
    this.proxy = proxy;
    this.administrator = administrator;
  }

  @Override
  public boolean hasPermission(Permission permission) {
    return administrator;
  }

  @Override
  public void close() {
    cleanUp();
  }
}
