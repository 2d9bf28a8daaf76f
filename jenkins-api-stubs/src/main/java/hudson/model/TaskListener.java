package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

/** Jenkins core's build log sink (an interface). */
public interface TaskListener extends Serializable {
  PrintStream getLogger();
}
