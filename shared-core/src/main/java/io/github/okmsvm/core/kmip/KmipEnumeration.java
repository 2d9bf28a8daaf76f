package io.github.okmsvm.core.kmip;

import java.util.Optional;

/** A KMIP enumeration whose constants carry their wire code. */
interface KmipEnumeration {
  int code();

  /** The human name of {@code code} in {@code type}, such as "DiscoverVersions", or its hex form if unknown. */
  static <E extends Enum<E> & KmipEnumeration> String nameOf(Class<E> type, int code) {
    return find(type, code).map(KmipEnumeration::displayName).orElse(String.format("0x%08X", code));
  }

  static <E extends Enum<E> & KmipEnumeration> Optional<E> find(Class<E> type, int code) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code() == code) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  private static String displayName(Enum<?> constant) {
    StringBuilder name = new StringBuilder();
    for (String word : constant.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }
}
