package io.github.okmsvm.jenkins;

import hudson.FilePath;
import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent behind a channel, as remoting gives one: what crosses it is serialized both ways (a callable that does not
 * serialize fails, as it would), the work runs on the agent's own threads, and interrupting the caller cancels the
 * work there (remoting sends a Cancel and the caller gets its InterruptedException at once).
 */
final class TestAgent implements VirtualChannel, AutoCloseable {
  private final String name;
  private final ExecutorService threads;
  /** The callables that ran here, by class, in order. */
  final List<String> ran = new CopyOnWriteArrayList<>();
  private final AtomicInteger working = new AtomicInteger();

  TestAgent(String name) {
    this.name = name;
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "agent " + name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A workspace on this agent. */
  FilePath workspace(Path directory) {
    return new FilePath(this, directory.toString());
  }

  @Override
  public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException {
    byte[] request = serialize(callable);
    working.incrementAndGet();
    Future<byte[]> response = threads.submit(() -> {
      try {
        Callable<?, ?> received = (Callable<?, ?>) deserialize(request);
        ran.add(received.getClass().getName());
        try {
          return serialize(new Outcome(received.call(), null));
        } catch (Throwable failure) {
          return serialize(new Outcome(null, failure));
        }
      } finally {
        working.decrementAndGet();
      }
    });
    Outcome outcome;
    try {
      outcome = (Outcome) deserialize(response.get());
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw new IOException("the agent " + name + " could not run " + callable.getClass().getName(), e.getCause());
    }
    if (outcome.failure() != null) {
      throw TestAgent.<T>rethrow(outcome.failure());
    }
    @SuppressWarnings("unchecked")
    V value = (V) outcome.value();
    return value;
  }

  /** Waits for the work still running here (after a cancel, say) to end. */
  boolean awaitIdle(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (working.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  @Override
  public void join() throws InterruptedException {
    awaitIdle(60);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rethrow(Throwable failure) throws T {
    throw (T) failure;
  }

  private static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IOException("Failed to serialize " + value.getClass().getName() + " for the agent: " + e, e);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
  }

  private record Outcome(Object value, Throwable failure) implements Serializable {}
}
