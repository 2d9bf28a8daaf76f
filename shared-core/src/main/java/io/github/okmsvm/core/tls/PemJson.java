package io.github.okmsvm.core.tls;

/**
 * The two text transformations the OVHcloud guide performs with awk so that PEM can be pasted into, and read out of,
 * a JSON string. Both work record by record, exactly like awk: a record is a line without its terminating newline,
 * and a final line without a newline is still a record.
 */
public final class PemJson {
  private PemJson() {}

  /** What {@code awk '{printf "%s\\n", $0}'} prints: each line followed by the two characters {@code \n}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (String line : records(text)) {
      out.append(line).append("\\n");
    }
    return out.toString();
  }

  /**
   * What {@code awk '{gsub(/\\n/,"\n")}1'} prints: in each line the two characters {@code \n} become a newline, and
   * the line is printed followed by a newline.
   */
  public static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : records(text)) {
      out.append(line.replace("\\n", "\n")).append('\n');
    }
    return out.toString();
  }

  private static String[] records(String text) {
    if (text.isEmpty()) {
      return new String[0];
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return body.split("\n", -1);
  }
}
