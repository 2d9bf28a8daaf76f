package io.github.okmsvm.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How each front end's users write a setting, so that a message's fix can be copied as it is: the core writes
 * {@code set order=true}; Maven users read {@code set -Dokms.order=true}, Jenkins users {@code set order: true}.
 */
public enum SettingSpelling {
  CORE {
    @Override
    public String assignment(String name, String value) {
      return name + "=" + value;
    }
  },
  MAVEN {
    @Override
    public String assignment(String name, String value) {
      return "-Dokms." + name + "=" + value;
    }
  },
  JENKINS {
    @Override
    public String assignment(String name, String value) {
      return name + ": " + value;
    }
  };

  /** {@code set <setting>=<value>}, the only way the core writes a fix that sets something. */
  private static final Pattern SET = Pattern.compile("\\bset ("
      + Stream.concat(SettingNames.SETTINGS.stream(), SettingNames.CREDENTIALS.stream())
          .collect(Collectors.joining("|")) + ")=([^\\s,;)]+?)(?=[.,;)]?(\\s|$))");

  /** One setting set to one value, as this front end's users write it. */
  public abstract String assignment(String name, String value);

  /** A core message with each {@code set <setting>=<value>} written this front end's way. */
  public String rewrite(String message) {
    if (message == null || this == CORE) {
      return message;
    }
    Matcher matcher = SET.matcher(message);
    StringBuilder rewritten = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(rewritten, Matcher.quoteReplacement("set "
          + assignment(matcher.group(1), matcher.group(2))));
    }
    matcher.appendTail(rewritten);
    return rewritten.toString();
  }
}
