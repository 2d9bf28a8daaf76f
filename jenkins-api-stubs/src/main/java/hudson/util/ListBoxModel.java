package hudson.util;

import java.util.ArrayList;

/** Jenkins core's drop-down list (a class extending {@code ArrayList<Option>}). */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
  private static final long serialVersionUID = 1L;

  public void add(String displayName, String value) {
    add(new Option(displayName, value));
  }

  public ListBoxModel add(String nameAndValue) {
    add(nameAndValue, nameAndValue);
    return this;
  }

  /** One entry: what it shows, what it submits. */
  public static final class Option {
    public String name;
    public String value;
    public boolean selected;

    public Option(String name, String value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public String toString() {
      return name + "=" + value + (selected ? "[selected]" : "");
    }
  }
}
