package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/** remoting's unit of work sent over a channel: serialized there, run there, its result serialized back. */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
  V call() throws T;
}
