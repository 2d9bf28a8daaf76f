package io.github.okmsvm.core.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package rules of ARCHITECTURE.md, read from its tables, and the check of Java sources against them: which core
 * package may import which, and which core types the front ends may use.
 */
final class ImportRules {
  static final String CORE = "io.github.okmsvm.core.";
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|\\s*$");
  private static final Pattern API_LINE = Pattern.compile("^- `([a-z]+)`: (.*)$");
  private static final Pattern CODE = Pattern.compile("`([A-Za-z]+)`");
  private static final Pattern PACKAGE = Pattern.compile("^package ([a-z.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([A-Za-z0-9_.]+)(?:\\.\\*)?;",
      Pattern.MULTILINE);

  private final Map<String, Set<String>> allowed;
  private final Set<String> frontEndApi;

  private ImportRules(Map<String, Set<String>> allowed, Set<String> frontEndApi) {
    this.allowed = allowed;
    this.frontEndApi = frontEndApi;
  }

  static ImportRules fromArchitecture(Path architecture) {
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    Set<String> api = new LinkedHashSet<>();
    for (String line : lines(architecture)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        allowed.put(row.group(1), codeWords(row.group(2)));
        continue;
      }
      Matcher apiLine = API_LINE.matcher(line);
      if (apiLine.matches() && allowed.containsKey(apiLine.group(1))) {
        codeWords(apiLine.group(2)).forEach(type -> api.add(apiLine.group(1) + "." + type));
      }
    }
    return new ImportRules(allowed, api);
  }

  Set<String> packages() {
    return allowed.keySet();
  }

  Set<String> frontEndApi() {
    return frontEndApi;
  }

  /** The imports of core source {@code text} that its package may not make, as "from -> imported". */
  List<String> coreViolations(String text) {
    List<String> violations = new ArrayList<>();
    String from = corePackage(packageOf(text));
    if (from == null) {
      return violations;
    }
    Set<String> may = allowed.getOrDefault(from, Set.of());
    for (String imported : imports(text)) {
      String to = corePackage(imported);
      if (to != null && !to.equals(from) && !may.contains(to)) {
        violations.add(from + " -> " + imported);
      }
    }
    if (!allowed.containsKey(from)) {
      violations.add(from + " is no package of ARCHITECTURE.md");
    }
    return violations;
  }

  /** The core types front-end source {@code text} imports beyond the front ends' API. */
  List<String> frontEndViolations(String text) {
    List<String> violations = new ArrayList<>();
    for (String imported : imports(text)) {
      if (imported.startsWith(CORE) && !frontEndApi.contains(imported.substring(CORE.length()))) {
        violations.add(packageOf(text) + " -> " + imported);
      }
    }
    return violations;
  }

  static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> imports(String text) {
    List<String> imports = new ArrayList<>();
    Matcher matcher = IMPORT.matcher(text);
    while (matcher.find()) {
      imports.add(matcher.group(1));
    }
    return imports;
  }

  private static String packageOf(String text) {
    Matcher matcher = PACKAGE.matcher(text);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** {@code steps} for {@code io.github.okmsvm.core.steps.StepContext} or the package itself; null outside the core. */
  private static String corePackage(String name) {
    if (!name.startsWith(CORE)) {
      return null;
    }
    String rest = name.substring(CORE.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static Set<String> codeWords(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher matcher = CODE.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group(1));
    }
    return words;
  }

  private static List<String> lines(Path file) {
    return List.of(text(file).split("\\R"));
  }
}
