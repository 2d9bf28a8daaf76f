package io.github.okmsvm.maven;

import io.github.okmsvm.core.common.UserException;
import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.steps.Outputs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the {@code okms.*} properties a build sets before anything runs: a name the plugin does not know is a typo
 * (with the nearest known name suggested), and a switch takes {@code true} or {@code false} only, since Maven reads
 * any other word, {@code yes} included, as false.
 */
final class PropertyCheck {
  /** Every property the goals read (the constants of {@link PluginProperties}) or publish (the outputs). */
  static final Set<String> KNOWN = known();

  static final Set<String> SWITCHES = Set.of(PluginProperties.SKIP, PluginProperties.PLAN, PluginProperties.SANDBOX,
      PluginProperties.STRICT, PluginProperties.PREREQUISITES, PluginProperties.ORDER, PluginProperties.SET_DEFAULT,
      PluginProperties.ALLOW_POWER_OFF, PluginProperties.PARTIAL, PluginProperties.ALLOW_EMPTY_SELECTION,
      PluginProperties.VCENTER_INSECURE, PluginProperties.DEEP_REKEY);

  private PropertyCheck() {}

  /** Every problem of {@code properties} (user properties over project properties), in one exception; or none. */
  static void check(List<Properties> sources) {
    List<UserException> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Properties properties : sources) {
      Map<String, String> sorted = new TreeMap<>();
      properties.forEach((key, value) -> sorted.put(key.toString(), value.toString()));
      for (Map.Entry<String, String> entry : sorted.entrySet()) {
        String name = entry.getKey();
        if (!name.startsWith(PluginProperties.PREFIX) || !seen.add(name)) {
          continue;
        }
        String value = entry.getValue().strip();
        if (!KNOWN.contains(name)) {
          problems.add(new ConfigurationException(name, "is not a property of okms-maven-plugin: "
              + suggestion(name)));
        } else if (SWITCHES.contains(name) && !value.isEmpty() && !value.equalsIgnoreCase("true")
            && !value.equalsIgnoreCase("false")) {
          problems.add(new ConfigurationException(name, "is '" + value + "'", "give -D" + name + "=true or -D"
              + name + "=false"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ConfigurationException.all(problems);
    }
  }

  private static String suggestion(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : KNOWN) {
      int distance = distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return bestDistance <= 3 ? "did you mean " + best + "?" : "see mvn okms:help -Ddetail for the properties";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Set<String> known() {
    Set<String> names = new TreeSet<>();
    constants(PluginProperties.class, "", names);
    constants(Outputs.class, PluginProperties.PREFIX, names);
    return Set.copyOf(names);
  }

  private static void constants(Class<?> holder, String prefix, Set<String> names) {
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          String value = prefix + field.get(null);
          if (value.startsWith(PluginProperties.PREFIX) && value.length() > PluginProperties.PREFIX.length()) {
            names.add(value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
