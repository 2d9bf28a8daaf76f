package io.github.okmsvm.core.steps;

import io.github.okmsvm.core.event.ProgressEvent;
import io.github.okmsvm.core.event.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets the steps of a run read ahead of their turn while keeping the guide's order for every change. A step read
 * ahead may change something only once every preflight has passed and every step before it has ended without a
 * change: it then reads what a run in the guide's order would have read. Once a step before it changes something (or
 * fails), what it read may be stale: it is superseded, and run again in its turn. Until its turn, a step's events
 * are held, so that the front ends show the steps in the guide's order, and a superseded attempt shows nothing.
 */
final class Speculation {
  private final ProgressListener listener;
  private final Turn[] turns;
  private final StepContext[] attempts;
  private final Turn preflight = new Turn(0);
  private int accepted;
  private int firstChanged = Integer.MAX_VALUE;
  private boolean preflightPassed;
  private boolean stopped;

  /** {@code listener} hears the events of each step in its turn, from whichever thread runs the step. */
  Speculation(int steps, ProgressListener listener) {
    this.listener = synchronizedListener(listener);
    this.turns = new Turn[steps];
    this.attempts = new StepContext[steps];
    for (int i = 0; i < steps; i++) {
      turns[i] = new Turn(i);
    }
  }

  /** The turn of the step at {@code index} (0 for the first step). */
  Turn turn(int index) {
    return turns[index];
  }

  /** The step at {@code index} reads ahead in {@code context}: the steps after it see its outputs as they come. */
  synchronized void attach(int index, StepContext context) {
    attempts[index] = context;
  }

  /** Where the preflights' events are held until they all passed. */
  Turn preflight() {
    return preflight;
  }

  /** A turn that is always current: the step runs in the guide's order, its events shown at once. */
  static Turn current(ProgressListener listener) {
    Speculation alone = new Speculation(1, listener);
    alone.preflightPassed = true;
    alone.turns[0].goLive();
    return alone.turns[0];
  }

  synchronized void preflightPassed() {
    preflightPassed = true;
    notifyAll();
  }

  /**
   * The step at {@code index} ended and is kept, in the guide's order; when it changed something, the steps after it
   * that read ahead are superseded.
   */
  synchronized void accept(int index, boolean changed) {
    accepted = index + 1;
    if (changed) {
      firstChanged = Math.min(firstChanged, index);
    }
    notifyAll();
  }

  /** No step that read ahead may go on: the run failed, or ended. */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  /** Whether what the step at {@code index} read may be stale, or it may no longer go on. */
  private boolean superseded(int index) {
    return firstChanged < index || (stopped && accepted < index);
  }

  private static ProgressListener synchronizedListener(ProgressListener listener) {
    return event -> {
      synchronized (listener) {
        listener.on(event);
      }
    };
  }

  /** Thrown in a step that read ahead once what it read may be stale; the run runs it again in its turn. */
  static final class Superseded extends RuntimeException {
    Superseded() {
      super("superseded by a change of an earlier step", null, false, false);
    }
  }

  /** One step's place in the run: when it may change something, and its events until then. */
  final class Turn implements ProgressListener {
    private final int index;
    private final List<ProgressEvent> held = new ArrayList<>();
    private boolean live;

    private Turn(int index) {
      this.index = index;
    }

    /**
     * Waits until this step may change something: every preflight passed and every step before it ended without a
     * change; or throws {@link Superseded}. From then on the step's events are shown as they come.
     */
    void awaitChange() {
      synchronized (Speculation.this) {
        while (!superseded(index) && !stopped && (accepted < index || !preflightPassed)) {
          waitForChange();
        }
        if (superseded(index) || accepted < index || !preflightPassed) {
          throw new Superseded();
        }
      }
      goLive();
    }

    /**
     * The output {@code lookup} finds, waiting for the steps before this one while it finds none: an output of a step
     * that read ahead is seen as soon as it is set (should that step change something or fail, this one is superseded
     * anyway). Empty once every step before this one ended without it; or throws {@link Superseded}.
     */
    Optional<String> awaitOutput(Supplier<Optional<String>> lookup) {
      synchronized (Speculation.this) {
        while (true) {
          Optional<String> found = lookup.get();
          if (found.isPresent()) {
            return found;
          }
          if (superseded(index)) {
            throw new Superseded();
          }
          if (accepted >= index || stopped) {
            return Optional.empty();
          }
          waitForChange();
        }
      }
    }

    /** The latest output {@code name} set by a step before this one that reads ahead. */
    Optional<String> earlierOutput(String name) {
      synchronized (Speculation.this) {
        for (int i = Math.min(index, attempts.length) - 1; i >= 0; i--) {
          Optional<String> found = attempts[i] == null ? Optional.empty() : attempts[i].ownOutput(name);
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      }
    }

    /** Wakes the steps waiting for an output. */
    void outputSet() {
      synchronized (Speculation.this) {
        Speculation.this.notifyAll();
      }
    }

    /** Throws {@link Superseded} once what this step read may be stale. */
    void checkCurrent() {
      synchronized (Speculation.this) {
        if (superseded(index)) {
          throw new Superseded();
        }
      }
    }

    /** Shows the events held so far, then every later one as it comes. */
    synchronized void goLive() {
      if (!live) {
        live = true;
        held.forEach(listener::on);
        held.clear();
      }
    }

    @Override
    public synchronized void on(ProgressEvent event) {
      if (live) {
        listener.on(event);
      } else {
        held.add(event);
      }
    }

    private void waitForChange() {
      try {
        Speculation.this.wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Superseded();
      }
    }
  }
}
