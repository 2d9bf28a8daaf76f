package io.github.okmsvm.jenkins;

import hudson.ProxyConfiguration;
import jenkins.model.Jenkins;

/** A running controller, as far as the steps see one: its HTTP proxy settings. */
final class TestJenkins extends Jenkins implements AutoCloseable {
  TestJenkins(ProxyConfiguration proxy) {
    this.proxy = proxy;
  }

  @Override
  public void close() {
    cleanUp();
  }
}
