package io.github.okmsvm.sandbox.ovh;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers to write API answers as ordered JSON maps. */
final class Models {
  private Models() {}

  /** A JSON object from alternating names and values; null values are written as JSON null. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  /** {@code order.Price} in euros. */
  static Map<String, Object> euros(double value) {
    return object("currencyCode", "EUR", "priceInUcents", Math.round(value * 100_000_000), "text",
        String.format(java.util.Locale.ROOT, "%.2f €", value), "value", value);
  }
}
