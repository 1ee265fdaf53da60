package app.roundtable.store.sqlite;

import app.roundtable.domain.Session;
import app.roundtable.store.StoreUnavailableException;
import java.util.concurrent.CompletableFuture;

/** One new version on its way to the disk, built on {@code base}; {@code saved} completes after its commit. */
final class SessionWrite implements SqliteWriter.Write {
  private final SessionEntry entry;
  private final Session base;
  private final Session next;
  private final byte[] state;
  private final long expiresAt;
  private final long epoch;
  /** A creation is not published: subscribers get changes (as the other stores do). */
  private final boolean publish;
  private final CompletableFuture<Void> saved;

  /** Under {@code entry}'s lock. */
  SessionWrite(SessionEntry entry, Session base, Session next, byte[] state, long expiresAt, boolean publish,
      CompletableFuture<Void> saved) {
    this.entry = entry;
    this.base = base;
    this.next = next;
    this.state = state;
    this.expiresAt = expiresAt;
    this.epoch = entry.epoch;
    this.publish = publish;
    this.saved = saved;
  }

  @Override
  public String code() {
    return next.code;
  }

  @Override
  public long version() {
    return next.version;
  }

  @Override
  public byte[] state() {
    return state;
  }

  @Override
  public long updatedAt() {
    return next.updatedAt;
  }

  @Override
  public long expiresAt() {
    return expiresAt;
  }

  /** Only a write built on the last one written goes to disk: never a version whose parent was lost. */
  @Override
  public boolean accept() {
    if (entry.writerHead != base) return false;
    entry.writerHead = next;
    return true;
  }

  /**
   * Saved: the version becomes visible, to subscribers first and then to the caller (as in memory);
   * unless the session was deleted meanwhile (a newer epoch), when the delete that follows in the
   * queue takes the row away again.
   */
  @Override
  public void committed() {
    synchronized (entry) {
      if (entry.epoch == epoch) {
        entry.committed = next;
        entry.committedBytes = state.length;
        if (publish) entry.listeners.deliver(next);
      }
    }
    saved.complete(null);
  }

  /** Not saved: the session falls back to its last saved version, dropping what was built on this one. */
  @Override
  public void failed(StoreUnavailableException e) {
    synchronized (entry) {
      entry.writerHead = entry.committed;
      if (entry.epoch == epoch) {
        entry.epoch++;
        entry.latest = entry.committed;
        entry.size(entry.committedBytes);
        entry.tail = null;
      }
    }
    saved.completeExceptionally(e);
  }
}
