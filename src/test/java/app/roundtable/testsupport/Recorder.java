package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import app.roundtable.domain.Session;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A store listener that records every session it is given, and the context it was called on. */
public final class Recorder implements Consumer<Session> {
  private final List<Session> sessions = new ArrayList<>();
  private final List<Context> contexts = new ArrayList<>();
  /** How often the store said the session was deleted (a null). */
  private int deletions;

  @Override
  public synchronized void accept(Session session) {
    if (session == null) {
      deletions++;
      notifyAll();
      return;
    }
    sessions.add(session);
    contexts.add(Vertx.currentContext());
    notifyAll();
  }

  public synchronized List<Long> versions() {
    List<Long> vs = new ArrayList<>();
    for (Session s : sessions) vs.add(s.version);
    return vs;
  }

  public synchronized List<Context> contexts() {
    return new ArrayList<>(contexts);
  }

  public synchronized Session last() {
    return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
  }

  public synchronized int deletions() {
    return deletions;
  }

  /** Waits until the store said the session was deleted. */
  public synchronized void awaitDeleted(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (deletions == 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) fail("no deletion delivered within " + within + "; got versions " + versions());
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Waits until a session at {@code version} or later arrived. */
  public synchronized void awaitVersion(long version, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (last() == null || last().version < version) {
      long left = deadline - System.nanoTime();
      if (left <= 0) fail("version " + version + " not delivered within " + within + "; got " + versions());
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
