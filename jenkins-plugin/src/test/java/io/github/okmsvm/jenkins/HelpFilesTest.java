package io.github.okmsvm.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field a step's form shows has its help, found the way Jenkins' {@code Descriptor.getHelpFile} finds it: in
 * the step class's resources, then its superclasses'. Help shared by all steps lives once, beside {@link OkmsStep}.
 */
class HelpFilesTest {
  private static final Pattern FIELD = Pattern.compile("field=\"([A-Za-z]+)\"");

  static List<Class<? extends Step>> steps() {
    return StepArgumentsTest.steps().toList();
  }

  @ParameterizedTest
  @MethodSource("steps")
  void everyFieldOfTheFormHasHelpUpTheClassHierarchy(Class<? extends Step> stepClass) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String field : fields(stepClass)) {
      if (helpFile(stepClass, field) == null) {
        missing.add(field);
      }
    }

    assertThat(fields(stepClass)).isNotEmpty();
    assertThat(missing).isEmpty();
    assertThat(stepClass.getResource(stepClass.getSimpleName() + "/help.html")).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("steps")
  void sharedHelpIsNotCopiedBesideTheStep(Class<? extends Step> stepClass) throws IOException {
    for (String field : fields(stepClass)) {
      assertThat(stepClass.getResource(stepClass.getSimpleName() + "/help-" + field + ".html"))
          .as(stepClass.getSimpleName() + " help-" + field).isNull();
    }
  }

  private static String helpFile(Class<?> stepClass, String field) {
    for (Class<?> type = stepClass; type != null; type = type.getSuperclass()) {
      if (type.getResource(type.getSimpleName() + "/help-" + field + ".html") != null) {
        return type.getSimpleName();
      }
    }
    return null;
  }

  private static List<String> fields(Class<?> stepClass) throws IOException {
    try (InputStream jelly = stepClass.getResourceAsStream(stepClass.getSimpleName() + "/config.jelly")) {
      assertThat(jelly).as(stepClass.getSimpleName() + "/config.jelly").isNotNull();
      Matcher matcher = FIELD.matcher(new String(jelly.readAllBytes(), StandardCharsets.UTF_8));
      List<String> fields = new ArrayList<>();
      while (matcher.find()) {
        fields.add(matcher.group(1));
      }
      return fields;
    }
  }
}
