package io.github.okmsvm.core.common;

/** Counted nouns for messages: {@code 1 disk}, {@code 2 disks}. */
public final class Words {
  private Words() {}

  /** {@code count} and {@code noun}, plural with an {@code s} unless the count is one. */
  public static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
