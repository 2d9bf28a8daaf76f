package net.sf.json;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * json-lib's array as Jenkins forms submit it (a final class implementing {@code List}). The stub keeps its items in
 * a list; the members the plugin calls have the real signatures.
 */
public final class JSONArray extends AbstractList<Object> {
  private final List<Object> items = new ArrayList<>();

  public static JSONArray fromObject(Object object) {
    JSONArray array = new JSONArray();
    if (object instanceof Collection<?> collection) {
      array.items.addAll(collection);
    } else if (object != null) {
      array.items.add(object);
    }
    return array;
  }

  public JSONArray element(Object value) {
    items.add(value);
    return this;
  }

  @Override
  public Object get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public boolean add(Object value) {
    return items.add(value);
  }
}
