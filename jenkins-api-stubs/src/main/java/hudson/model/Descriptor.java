package hudson.model;

import hudson.util.Secret;
import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/** Jenkins core's {@code Descriptor}, the members the plugin uses. */
public abstract class Descriptor<T extends Describable<T>> {
  public final transient Class<? extends T> clazz;

  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = clazz;
  }

  /** Infers the described class from the enclosing class, as Jenkins does. */
  @SuppressWarnings("unchecked")
  protected Descriptor() {
    this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
  }

  public String getDisplayName() {
    return clazz.getSimpleName();
  }

  public String getId() {
    return clazz.getName();
  }

  /**
   * A new instance from a submitted form (the Snippet Generator's, a job's configuration), bound as Stapler's
   * {@code bindJSON} binds it: the {@code @DataBoundConstructor}'s parameters by name, then the
   * {@code @DataBoundSetter} properties the form holds, each value converted as Stapler converts it: a blank number
   * is 0, a text where a list is expected is a list of that one text.
   */
  public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
    try {
      Constructor<?> constructor = null;
      for (Constructor<?> candidate : clazz.getConstructors()) {
        if (candidate.isAnnotationPresent(DataBoundConstructor.class)) {
          constructor = candidate;
        }
      }
      if (constructor == null) {
        throw new FormException(clazz.getName() + " has no @DataBoundConstructor", null);
      }
      Parameter[] parameters = constructor.getParameters();
      Object[] values = new Object[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        values[i] = convert(formData.get(parameters[i].getName()), parameters[i].getType(),
            parameters[i].getParameterizedType());
      }
      T instance = clazz.cast(constructor.newInstance(values));
      for (Class<?> type = clazz; type != null; type = type.getSuperclass()) {
        for (Method method : type.getDeclaredMethods()) {
          String property = method.getName().length() > 3
              ? Introspector.decapitalize(method.getName().substring(3)) : "";
          if (method.isAnnotationPresent(DataBoundSetter.class) && formData.has(property)) {
            method.invoke(instance, convert(formData.get(property), method.getParameterTypes()[0],
                method.getGenericParameterTypes()[0]));
          }
        }
      }
      return instance;
    } catch (InvocationTargetException e) {
      throw new FormException(String.valueOf(e.getCause()), null);
    } catch (ReflectiveOperationException e) {
      throw new FormException(e.toString(), null);
    }
  }

  private static Object convert(Object value, Class<?> type, Type generic) {
    if (type == int.class) {
      String text = value == null ? "" : value.toString().strip();
      return text.isEmpty() ? 0 : Integer.parseInt(text);
    }
    if (type == boolean.class) {
      return value != null && (Boolean.TRUE.equals(value) || "true".equals(value) || "on".equals(value));
    }
    if (value == null) {
      return null;
    }
    if (type == Secret.class) {
      return Secret.fromString(value.toString());
    }
    if (Collection.class.isAssignableFrom(type)) {
      Class<?> element = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
          ? c : Object.class;
      List<Object> items = new ArrayList<>();
      for (Object item : value instanceof Collection<?> collection ? collection : List.of(value)) {
        items.add(convert(item, element, element));
      }
      return items;
    }
    return value.toString();
  }

  /** Jenkins core's form failure. */
  public static final class FormException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String formField;

    public FormException(String message, String field) {
      super(message);
      this.formField = field;
    }

    public String getFormField() {
      return formField;
    }
  }
}
