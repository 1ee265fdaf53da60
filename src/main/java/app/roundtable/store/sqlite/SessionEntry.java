package app.roundtable.store.sqlite;

import app.roundtable.domain.Session;
import app.roundtable.store.Listeners;
import java.util.concurrent.CompletableFuture;

/**
 * One session as the SQLite store holds it. Callers change it under its lock; the writer thread
 * alone moves {@link #committed} and {@link #writerHead}.
 */
final class SessionEntry {
  /** The newest version, saved or still queued: changes build on it. Null: no such session. */
  Session latest;
  /** The newest saved version: what loads return and subscribers have been given. */
  volatile Session committed;
  /** Writer thread only: the version the next accepted write must build on. */
  Session writerHead;
  /** Completes when {@link #latest} is saved (or fails when it is not). */
  CompletableFuture<Void> tail;
  /** Bumped when a failed write throws away {@link #latest}; writes of an older epoch are already lost. */
  long epoch;
  final Listeners listeners = new Listeners();

  SessionEntry(Session saved) {
    latest = saved;
    committed = saved;
    writerHead = saved;
  }
}
