package io.github.okmsvm.maven;

import io.github.okmsvm.core.config.ConfigurationException;
import io.github.okmsvm.core.config.SettingNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The secret settings ({@code okms.ovhClientSecret}, {@code okms.vcenterPassword}, ...) as Maven properties. They are
 * deliberately not mojo parameters: with {@code -X} Maven prints every parameter's value. A value on the command line
 * ({@code -D}) is taken as it is; one in the POM's {@code <properties>} is taken and reported (an error under
 * {@code okms.strict}); one in the plugin's {@code <configuration>} is refused, since it is both in the POM and in
 * Maven's debug output.
 */
final class SecretProperties {
  private final Map<String, String> values;
  private final List<String> inThePom;

  private SecretProperties(Map<String, String> values, List<String> inThePom) {
    this.values = values;
    this.inThePom = inThePom;
  }

  static SecretProperties read(MavenSession session, MavenProject project, MojoExecution execution) {
    Map<String, String> values = new HashMap<>();
    List<String> inThePom = new ArrayList<>();
    Xpp3Dom configuration = execution == null ? null : execution.getConfiguration();
    for (String name : SettingNames.SECRETS) {
      String property = PluginProperties.PREFIX + name;
      if (configuration != null && configuration.getChild(name) != null) {
        throw new ConfigurationException(name, "is set in the plugin's <configuration>, where it would be printed by"
            + " mvn -X", "give it as OVH_* or VSPHERE_PASSWORD in the environment, in a settings.xml <server>, or"
            + " as -D" + property + " on the command line");
      }
      String value = session.getUserProperties().getProperty(property);
      if (value == null && project != null) {
        value = project.getProperties().getProperty(property);
        if (value != null) {
          inThePom.add(property);
        }
      }
      if (value != null) {
        values.put(name, value);
      }
    }
    return new SecretProperties(values, inThePom);
  }

  /** By setting name. */
  Map<String, String> values() {
    return values;
  }

  /** The properties set in the POM, for the warning. */
  List<String> inThePom() {
    return inThePom;
  }
}
