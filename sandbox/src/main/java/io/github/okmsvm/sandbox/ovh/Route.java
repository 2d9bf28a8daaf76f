package io.github.okmsvm.sandbox.ovh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: method, version, path pattern with {@code {params}}, the IAM action it needs, whether it is a v2
 * paginated list, and its handler.
 */
final class Route {
  final String method;
  final String version;
  final String pattern;
  final String action;
  final boolean paged;
  final Function<Call, Reply> handler;
  private final Pattern regex;
  private final List<String> names = new ArrayList<>();

  Route(String method, String version, String pattern, String action, boolean paged, Function<Call, Reply> handler) {
    this.method = method;
    this.version = version;
    this.pattern = pattern;
    this.action = action;
    this.paged = paged;
    this.handler = handler;
    Matcher params = Pattern.compile("\\{([A-Za-z]+)}").matcher(pattern);
    StringBuilder regexText = new StringBuilder();
    int last = 0;
    while (params.find()) {
      regexText.append(Pattern.quote(pattern.substring(last, params.start()))).append("([^/]+)");
      names.add(params.group(1));
      last = params.end();
    }
    regexText.append(Pattern.quote(pattern.substring(last)));
    this.regex = Pattern.compile(regexText.toString());
  }

  /** The route's name in counters and fault injection: {@code "GET /v2/okms/resource/{okmsId}"}. */
  String key() {
    return method + " /" + version + pattern;
  }

  Map<String, String> match(String method, String version, String path) {
    if (!this.method.equals(method) || !this.version.equals(version)) {
      return null;
    }
    Matcher matcher = regex.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      params.put(names.get(i), java.net.URLDecoder.decode(matcher.group(i + 1),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return params;
  }
}
