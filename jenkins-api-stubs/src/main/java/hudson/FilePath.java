package hudson;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Jenkins core's path on a node (a final class): local when its channel is null, otherwise on the agent behind the
 * channel, where {@link #act} runs a callable after sending it over. The members the plugin and its tests use.
 */
public final class FilePath implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient VirtualChannel channel;
  private final String remote;

  public FilePath(VirtualChannel channel, String remote) {
    this.channel = channel;
    this.remote = remote;
  }

  public FilePath(File localPath) {
    this((VirtualChannel) null, localPath.getPath());
  }

  public FilePath(FilePath base, String rel) {
    this(base.channel, new File(rel).isAbsolute() ? rel : base.remote + File.separator + rel);
  }

  public String getRemote() {
    return remote;
  }

  public String getName() {
    return new File(remote).getName();
  }

  public FilePath child(String relOrAbsolute) {
    return new FilePath(this, relOrAbsolute);
  }

  public VirtualChannel getChannel() {
    return channel;
  }

  public boolean isRemote() {
    return channel != null;
  }

  public boolean exists() throws IOException, InterruptedException {
    return act(new Exists());
  }

  /** Runs {@code callable} where the file is: here, or on the agent (the channel serializes it there and back). */
  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    if (channel == null) {
      return callable.invoke(new File(remote), null);
    }
    return channel.call(new FileCallableWrapper<>(callable, remote));
  }

  @Override
  public String toString() {
    return remote;
  }

  /** Code run on the node where the file is. */
  public interface FileCallable<T> extends Serializable, RoleSensitive {
    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }

  private static final class FileCallableWrapper<T> implements Callable<T, IOException> {
    private static final long serialVersionUID = 1L;
    private final FileCallable<T> callable;
    private final String remote;

    FileCallableWrapper(FileCallable<T> callable, String remote) {
      this.callable = callable;
      this.remote = remote;
    }

    @Override
    public T call() throws IOException {
      try {
        return callable.invoke(new File(remote), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
      callable.checkRoles(checker);
    }
  }

  private static final class Exists extends jenkins.MasterToSlaveFileCallable<Boolean> {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean invoke(File f, VirtualChannel channel) {
      return f.exists();
    }
  }
}
