package app.roundtable.store.sqlite;

import app.roundtable.domain.Session;
import app.roundtable.store.Listeners;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session as the SQLite store holds it in memory: a cache entry over its row. Callers change
 * it under its lock; the writer thread alone moves {@link #committed} and {@link #writerHead}.
 *
 * <p>An entry may exist before its row is read ({@link #loaded} false: someone subscribed to the
 * code) and leaves the cache when nothing pins it ({@link #evictable}); whoever still holds an
 * {@link #evicted} entry goes back to the store's map for a fresh one.
 */
final class SessionEntry {
  /** The newest version, saved or still queued: changes build on it. Null: no such session. */
  Session latest;
  /** {@link #latest}'s encoded size, counted in the store's resident bytes. */
  int bytes;
  /** The newest saved version: what loads return and subscribers have been given. */
  volatile Session committed;
  /** {@link #committed}'s encoded size: what {@link #bytes} falls back to when a write fails. */
  int committedBytes;
  /** Writer thread only: the version the next accepted write must build on. */
  Session writerHead;
  /** Completes when {@link #latest} is saved (or fails when it is not). */
  CompletableFuture<Void> tail;
  /** Bumped when a failed write throws away {@link #latest}, or a delete; writes of an older epoch are void. */
  long epoch;
  /** Whether {@link #latest} reflects the row (read, created or deleted here); false: read it first. */
  boolean loaded;
  /** Dropped from the store's map: nothing may be done through this object any more. */
  boolean evicted;
  /** When it was last used (store clock), for least-recently-used eviction. */
  volatile long lastUsed;
  final Listeners listeners = new Listeners();
  /** The store's count of resident bytes, which {@link #bytes} is part of. */
  private final AtomicLong resident;

  SessionEntry(AtomicLong resident) {
    this.resident = resident;
  }

  /** Under the lock: {@link #latest} is now {@code n} bytes, in the store's count too. */
  void size(int n) {
    resident.addAndGet(n - bytes);
    bytes = n;
  }

  /** Under the lock: the row as read ({@code saved} null: there is none). */
  void install(Session saved, int size) {
    latest = saved;
    committed = saved;
    writerHead = saved;
    committedBytes = size;
    size(size);
    loaded = true;
  }

  /** Under the lock: the session is gone (deleted or expired); writes still queued for it are void. */
  void forget() {
    epoch++;
    latest = null;
    committed = null;
    committedBytes = 0;
    tail = null;
    size(0);
  }

  /** Under the lock: nothing queued, nobody listening, so the row alone may hold it. */
  boolean evictable() {
    return loaded && !evicted && latest == committed && listeners.isEmpty() && (tail == null || tail.isDone());
  }
}
