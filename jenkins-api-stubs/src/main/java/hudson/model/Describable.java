package hudson.model;

/** Jenkins core 2.479's {@code Describable}: {@code getDescriptor()} is abstract there (default only since 2.505). */
public interface Describable<T extends Describable<T>> {
  Descriptor<T> getDescriptor();
}
