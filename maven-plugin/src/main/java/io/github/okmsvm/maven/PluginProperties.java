package io.github.okmsvm.maven;

/** Every user property the goals read, declared once: each is also the parameter's name in messages. */
public final class PluginProperties {
  public static final String SKIP = "okms.skip";
  public static final String HOST = "okms.host";
  public static final String PORT = "okms.port";
  public static final String PUBLIC_CA = "okms.publicCa";
  public static final String TIMEOUT = "okms.timeoutSeconds";

  private PluginProperties() {}
}
