package app.roundtable.store.sqlite;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The sessions {@link SqliteSessionStore} holds in memory, a cache over the file bounded by bytes:
 * a session is read from its row the first time it is needed and stays while anyone uses it;
 * sessions that no socket of this node follows and nothing is writing are evicted, least recently
 * used first, once the resident sessions pass {@code maxBytes}. Reads go through the writer's
 * queue, so a read always sees every write queued before it.
 */
final class ResidentSessions {
  /** Evicting stops this far under the bound, so that one more session does not start it again. */
  private static final double EVICT_TO = 0.9;

  /** The entries by code; the store changes them only with compute operations, under each entry's lock. */
  final Map<String, SessionEntry> sessions = new ConcurrentHashMap<>();
  /** Encoded bytes of the sessions held in memory. */
  final AtomicLong resident = new AtomicLong();
  private final AtomicBoolean evicting = new AtomicBoolean();
  private final SqliteWriter writer;
  private final LongSupplier clock;
  private final long maxBytes;

  ResidentSessions(SqliteWriter writer, LongSupplier clock, long maxBytes) {
    this.writer = writer;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /**
   * The entry of {@code code}, its row read if it is not in memory yet; null when there is no row
   * and nobody subscribed. Completes on the writer thread when the row had to be read.
   */
  CompletableFuture<SessionEntry> entry(String code) {
    SessionEntry e = sessions.get(code);
    if (e != null && e.loaded) {
      e.lastUsed = clock.getAsLong();
      return CompletableFuture.completedFuture(e);
    }
    return writer.run(c -> {
      byte[] state = SessionRows.state(c, code);
      // Installed here, on the writer thread: no write for the code can come between the read and
      // this (only a loaded entry queues writes), so the row read is the row as it stands.
      Session saved = state == null ? null : SessionCodec.decode(state);
      int bytes = state == null ? 0 : state.length;
      SessionEntry installed = sessions.compute(code, (k, cur) -> {
        if (cur == null && saved == null) return null;
        SessionEntry entry = cur == null ? new SessionEntry(resident) : cur;
        synchronized (entry) {
          if (!entry.loaded) entry.install(saved, bytes);
          entry.lastUsed = clock.getAsLong();
        }
        return entry;
      });
      if (saved != null) evictIfOver();
      return installed;
    }).thenApply(SessionEntry.class::cast);
  }

  /** Drops idle sessions, least recently used first, while memory holds more than its bound. */
  void evictIfOver() {
    makeRoomFor(0);
  }

  /**
   * Evicts idle sessions, least recently used first, until {@code needed} more bytes fit (with
   * some room to spare, so that the next one does not start it again); those in use stay.
   */
  void makeRoomFor(long needed) {
    if (resident.get() + needed <= maxBytes || !evicting.compareAndSet(false, true)) return;
    try {
      List<Map.Entry<String, SessionEntry>> byAge = new ArrayList<>(sessions.entrySet());
      byAge.sort(Comparator.comparingLong(en -> en.getValue().lastUsed));
      long target = (long) (maxBytes * EVICT_TO) - needed;
      for (Map.Entry<String, SessionEntry> en : byAge) {
        if (resident.get() <= target) break;
        evict(en.getKey());
      }
    } finally {
      evicting.set(false);
    }
  }

  private void evict(String code) {
    sessions.computeIfPresent(code, (c, e) -> {
      synchronized (e) {
        if (!e.evictable()) return e;
        e.evicted = true;
        e.size(0);
        return null;
      }
    });
  }

  /** Runs {@code then} with the session's entry under its lock, fetching a fresh one if it was evicted meanwhile. */
  <T> CompletableFuture<T> locked(String code, Function<SessionEntry, T> then) {
    return entry(code).thenCompose(e -> {
      if (e == null) return CompletableFuture.completedFuture(then.apply(null));
      synchronized (e) {
        if (!e.evicted) return CompletableFuture.completedFuture(then.apply(e));
      }
      return locked(code, then);
    });
  }
}
