package io.github.okmsvm.core.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, as reports name the tool that made them ({@code 0.1.0-SNAPSHOT}). */
public final class ProductVersion {
  private static final String VERSION = read();

  private ProductVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = ProductVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // a jar that cannot read its own resources has bigger problems; the reports then say "unknown"
    }
    return properties.getProperty("version", "unknown");
  }
}
