package io.github.okmsvm.core.config;

import io.github.okmsvm.core.common.UserException;
import java.util.ArrayList;
import java.util.List;

/**
 * A setting that cannot work. The message starts with the setting's name in the core (each front end shows it the
 * way its users write it: {@code -Dokms.order=true} in Maven, {@code order: true} in Jenkins) and ends with the fix.
 * Several problems found together travel as one, so that a user fixes them all in one go.
 */
public class ConfigurationException extends UserException {
  private static final long serialVersionUID = 1L;
  private final List<UserException> problems;

  public ConfigurationException(String field, String problemAndFix) {
    super(field, field + " " + problemAndFix, null);
    this.problems = List.of();
  }

  public ConfigurationException(String field, String problem, String fix) {
    this(field, problem + ": " + fix);
  }

  private ConfigurationException(List<UserException> problems) {
    super(problems.get(0).field().orElse(null), problems.size() + " settings need fixing: " + String.join("; ",
        problems.stream().map(Throwable::getMessage).toList()), null);
    this.problems = List.copyOf(problems);
  }

  /** One exception for {@code problems} (which must not be empty): the problem itself when there is only one. */
  public static UserException all(List<? extends UserException> problems) {
    List<UserException> distinct = new ArrayList<>();
    for (UserException problem : problems) {
      for (UserException single : problem instanceof ConfigurationException configuration
          ? configuration.problems() : List.of(problem)) {
        if (distinct.stream().noneMatch(known -> known.getMessage().equals(single.getMessage()))) {
          distinct.add(single);
        }
      }
    }
    return distinct.size() == 1 ? distinct.get(0) : new ConfigurationException(distinct);
  }

  /** Each problem on its own (this one alone when it is a single problem). */
  public List<UserException> problems() {
    return problems.isEmpty() ? List.of(this) : problems;
  }
}
