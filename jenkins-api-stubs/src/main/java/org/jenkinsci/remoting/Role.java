package org.jenkinsci.remoting;

/** remoting's name for one side of a channel (a final class). */
public final class Role {
  private final String name;

  public Role(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
