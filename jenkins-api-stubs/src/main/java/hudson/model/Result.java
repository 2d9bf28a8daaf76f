package hudson.model;

import java.io.Serializable;

/** Jenkins core's build result (a final class of constants), ordered from best to worst. */
public final class Result implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Result SUCCESS = new Result("SUCCESS", 0);
  public static final Result UNSTABLE = new Result("UNSTABLE", 1);
  public static final Result FAILURE = new Result("FAILURE", 2);
  public static final Result NOT_BUILT = new Result("NOT_BUILT", 3);
  public static final Result ABORTED = new Result("ABORTED", 4);

  private final String name;
  public final int ordinal;

  private Result(String name, int ordinal) {
    this.name = name;
    this.ordinal = ordinal;
  }

  public boolean isWorseThan(Result that) {
    return ordinal > that.ordinal;
  }

  public Result combine(Result that) {
    return isWorseThan(that) ? this : that;
  }

  @Override
  public String toString() {
    return name;
  }
}
