package hudson.model;

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

  /** Jenkins core's form failure. */
  public static final class FormException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormException(String message, String field) {
      super(message);
    }
  }
}
