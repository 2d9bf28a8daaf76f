package hudson.model;

/** Jenkins core's build, with its generic bounds (they erase into descriptors). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
  public abstract String getExternalizableId();
}
