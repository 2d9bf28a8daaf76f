package net.sf.json;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * json-lib's object as Jenkins forms submit it (a final class implementing {@code Map}): what a form's fields hold,
 * by name. The stub keeps the entries in order; the members the plugin calls have the real signatures.
 */
public final class JSONObject extends AbstractMap<String, Object> {
  private final Map<String, Object> entries = new LinkedHashMap<>();

  public static JSONObject fromObject(Object object) {
    JSONObject json = new JSONObject();
    if (object instanceof Map<?, ?> map) {
      map.forEach((key, value) -> json.entries.put(String.valueOf(key), value));
    }
    return json;
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Object get(String key) {
    return entries.get(key);
  }

  public String getString(String key) {
    Object value = entries.get(key);
    if (value == null) {
      throw new IllegalArgumentException("JSONObject[\"" + key + "\"] not found.");
    }
    return value.toString();
  }

  public String optString(String key) {
    Object value = entries.get(key);
    return value == null ? "" : value.toString();
  }

  public JSONObject element(String key, Object value) {
    entries.put(key, value);
    return this;
  }

  public Object remove(String key) {
    return entries.remove(key);
  }

  @Override
  public Object put(String key, Object value) {
    return entries.put(key, value);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }
}
