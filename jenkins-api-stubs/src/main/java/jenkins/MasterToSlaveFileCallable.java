package jenkins;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/** Jenkins core's base of file callables the controller sends to an agent (an abstract class). */
public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
  private static final long serialVersionUID = 1L;

  /** Jenkins allows these on agents only; nothing to check where the stub runs them. */
  @Override
  public void checkRoles(RoleChecker checker) throws SecurityException {}
}
