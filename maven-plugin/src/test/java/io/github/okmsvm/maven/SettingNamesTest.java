package io.github.okmsvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.okmsvm.core.config.SettingNames;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goals accept the core's settings under their own names ({@code okms.<name>}), as the Jenkins steps do: read
 * from the plugin descriptor Maven itself reads.
 */
class SettingNamesTest {
  /** What only Maven has: build-tool switches, settings.xml server ids, the outputs file, step 6 alone. */
  private static final Set<String> MAVEN_ONLY = Set.of("skip", "sandbox", "strict", "outputDirectory",
      "ovhServerId", "vcenterServerId", "prerequisites");
  /** {@code okms:thumbprint} works on a KMIP endpoint given by host and port, not on the guide's settings. */
  private static final Set<String> THUMBPRINT_ONLY = Set.of("host", "port", "publicCa");

  @Test
  void noSecretIsAMojoParameterForMavenToPrintUnderDebug() throws Exception {
    NodeList parameters = descriptor().getElementsByTagName("parameter");
    for (int i = 0; i < parameters.getLength(); i++) {
      String name = ((Element) parameters.item(i)).getElementsByTagName("name").item(0).getTextContent();
      assertThat(SettingNames.SECRETS).as("parameter " + name).doesNotContain(name);
    }
  }

  @Test
  void theGoalsTogetherAcceptEveryCoreSettingAndCredentialAndNothingElse() throws Exception {
    Set<String> accepted = new TreeSet<>();
    NodeList mojos = descriptor().getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      NodeList configuration = mojo.getElementsByTagName("configuration");
      for (int j = 0; j < configuration.getLength(); j++) {
        NodeList parameters = configuration.item(j).getChildNodes();
        for (int k = 0; k < parameters.getLength(); k++) {
          String expression = parameters.item(k).getTextContent();
          if (expression != null && expression.startsWith("${okms.")) {
            accepted.add(expression.substring("${okms.".length(), expression.length() - 1));
          }
        }
      }
    }
    accepted.addAll(SettingNames.SECRETS); // read as okms.* properties, never as parameters
    accepted.removeAll(MAVEN_ONLY);
    accepted.removeAll(THUMBPRINT_ONLY);
    Set<String> expected = new TreeSet<>(SettingNames.SETTINGS);
    expected.addAll(SettingNames.CREDENTIALS);

    assertThat(accepted).isEqualTo(expected);
  }

  private static Document descriptor() throws Exception {
    Path plugin = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(plugin.toFile());
  }
}
