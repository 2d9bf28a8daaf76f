package hudson.remoting;

import java.io.IOException;

/** remoting's channel to an agent (an interface); tests provide one that serializes what crosses it. */
public interface VirtualChannel {
  <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

  void close() throws IOException;

  void join() throws InterruptedException;
}
