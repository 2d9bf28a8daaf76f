package hudson.model;

/**
 * Jenkins core's build, with its generic bounds (they erase into descriptors). As in Jenkins, a result once set only
 * gets worse.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
  private volatile Result result;

  public abstract String getExternalizableId();

  public Result getResult() {
    return result;
  }

  public void setResult(Result r) {
    if (result == null || r.isWorseThan(result)) {
      result = r;
    }
  }
}
