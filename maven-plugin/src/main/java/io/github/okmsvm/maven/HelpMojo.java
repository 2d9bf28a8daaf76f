package io.github.okmsvm.maven;

import io.github.okmsvm.core.config.SettingNames;
import io.github.okmsvm.core.steps.Command;
import io.github.okmsvm.core.steps.EncryptionFlow;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Documents the goals: {@code mvn okms:help -Ddetail} lists, for each goal, only the parameters it reads (the core
 * says which settings each goal's steps read), so {@code okms:check} does not list {@code order} or
 * {@code iamActions}. {@code -Dgoal=check} shows one goal.
 */
@Mojo(name = "help", requiresProject = false, threadSafe = true)
public class HelpMojo extends AbstractMojo {
  /** The descriptor Maven's plugin tools write for the help, beside plugin.xml. */
  private static final String PLUGIN_HELP = "/META-INF/maven/io.github.okmsvm/okms-maven-plugin/plugin-help.xml";
  private static final int WIDTH = 100;

  /** Shows every parameter of each goal, with its default and user property. */
  @Parameter(property = "detail", defaultValue = "false")
  boolean detail;

  /** Shows this goal only, such as {@code check}. */
  @Parameter(property = "goal")
  String goal;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Element plugin = descriptor().getDocumentElement();
    List<Element> mojos = children(child(plugin, "mojos").orElseThrow(), "mojo");
    List<Element> shown = mojos.stream().filter(mojo -> goal == null || goal.equals(text(mojo, "goal"))).toList();
    if (shown.isEmpty()) {
      throw new MojoFailureException("[okms] help: there is no goal " + goal + ": give one of " + String.join(", ",
          mojos.stream().map(mojo -> text(mojo, "goal")).toList()));
    }
    StringBuilder help = new StringBuilder();
    help.append(text(plugin, "name")).append(' ').append(text(plugin, "version")).append('\n');
    wrap(help, text(plugin, "description"), 2);
    help.append('\n').append("This plugin has ").append(mojos.size()).append(" goals:\n\n");
    for (Element mojo : shown) {
      describe(help, text(plugin, "goalPrefix"), mojo);
    }
    getLog().info(help.toString());
  }

  private void describe(StringBuilder help, String prefix, Element mojo) {
    String name = text(mojo, "goal");
    help.append(prefix).append(':').append(name).append('\n');
    wrap(help, text(mojo, "description"), 2);
    if (!detail) {
      help.append('\n');
      return;
    }
    help.append("\n  Available parameters:\n\n");
    Element configuration = child(mojo, "configuration").orElse(null);
    for (Element parameter : children(child(mojo, "parameters").orElseThrow(), "parameter")) {
      String parameterName = text(parameter, "name");
      if (!"true".equals(text(parameter, "editable")) || !appliesTo(name, parameterName)) {
        continue;
      }
      Optional<Element> config = configuration == null ? Optional.empty() : child(configuration, parameterName);
      String defaultValue = config.map(element -> element.getAttribute("default-value")).orElse("");
      help.append("    ").append(parameterName).append(defaultValue.isEmpty() ? "" : " (Default: " + defaultValue
          + ")").append('\n');
      wrap(help, text(parameter, "description"), 6);
      config.map(Node::getTextContent).filter(expression -> expression.startsWith("${"))
          .ifPresent(expression -> help.append("      User property: ")
              .append(expression, 2, expression.length() - 1).append('\n'));
      help.append('\n');
    }
    List<String> secrets = SettingNames.SECRETS.stream().filter(secret -> appliesTo(name, secret))
        .map(secret -> PluginProperties.PREFIX + secret).toList();
    if (!secrets.isEmpty()) {
      wrap(help, "Secrets, read as user properties only (never parameters, so that mvn -X cannot print them): "
          + String.join(", ", secrets), 4);
      help.append('\n');
    }
  }

  /**
   * Whether a goal reads a parameter: a setting of the core when one of the goal's steps reads it; a Maven-only one
   * (skip, sandbox, the settings.xml server ids) when the goal needs what it is about.
   */
  static boolean appliesTo(String goal, String parameter) {
    Optional<Command> command = Arrays.stream(Command.values()).filter(each -> each.goal().equals(goal)).findFirst();
    if (command.isEmpty()) {
      return true;
    }
    Set<String> settings = EncryptionFlow.settingsOf(command.get());
    return switch (parameter) {
      case "ovhServerId" -> settings.contains(SettingNames.OVH_ENDPOINT);
      case "vcenterServerId" -> settings.contains(SettingNames.VCENTER_SERVER);
      default -> settings.contains(parameter) || !SettingNames.SETTINGS.contains(parameter)
          && !SettingNames.CREDENTIALS.contains(parameter);
    };
  }

  private static Document descriptor() throws MojoExecutionException {
    try (InputStream in = HelpMojo.class.getResourceAsStream(PLUGIN_HELP)) {
      if (in == null) {
        throw new MojoExecutionException("the plugin has no " + PLUGIN_HELP + ": it was built without its descriptor");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new MojoExecutionException("cannot read " + PLUGIN_HELP + ": " + e.getMessage(), e);
    }
  }

  /** Words of {@code text} on lines of at most {@link #WIDTH} characters, each indented by {@code indent}. */
  private static void wrap(StringBuilder help, String text, int indent) {
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && indent + line.length() + 1 + word.length() > WIDTH) {
        help.append(" ".repeat(indent)).append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      help.append(" ".repeat(indent)).append(line).append('\n');
    }
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    return child(parent, name).map(Node::getTextContent).orElse("");
  }
}
