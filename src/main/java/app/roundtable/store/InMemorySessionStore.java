package app.roundtable.store;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Sessions in this JVM's memory: one node, nothing to install. Each session's updates are
 * serialised by a lock on its entry, and listeners are handed each version under that lock, onto
 * their own context's queue, so every subscriber sees versions in order. Published sessions are
 * never mutated afterwards ({@code Rules} works on copies), so they are shared, not copied.
 * Bounded: past {@code maxSessions} sessions, or {@code maxResidentBytes} of them (their encoded
 * size, which the heap holds a few times over), a create fails with {@link StoreFullException};
 * each session is held to its {@link SessionSize}, so updates are bounded too.
 */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final LongSupplier clock;
  private final long ttlMs;
  private final int maxSessions;
  private final SessionSize size;
  private final long maxResidentBytes;
  /** The encoded bytes of every session held. */
  private final java.util.concurrent.atomic.AtomicLong resident = new java.util.concurrent.atomic.AtomicLong();
  private final long sweepTimer;
  /** When a full store last swept for expired sessions: at most once a second, however many creates knock. */
  private volatile long sweptWhenFull = Long.MIN_VALUE / 2;

  /** A store that holds up to {@code maxSessions} sessions (codes being watched count too). */
  public InMemorySessionStore(Vertx vertx, LongSupplier clock, Duration ttl, int maxSessions) {
    this(vertx, clock, ttl, maxSessions, SessionSize.DEFAULT, Long.MAX_VALUE);
  }

  /** As above, each session held to {@code size}, and all of them together to {@code maxResidentBytes}. */
  public InMemorySessionStore(Vertx vertx, LongSupplier clock, Duration ttl, int maxSessions, SessionSize size,
      long maxResidentBytes) {
    this.vertx = vertx;
    this.clock = clock;
    this.ttlMs = ttl.toMillis();
    this.maxSessions = maxSessions;
    this.size = size;
    this.maxResidentBytes = maxResidentBytes;
    this.sweepTimer = vertx.setPeriodic(60_000, id -> sweep());
  }

  public InMemorySessionStore(Vertx vertx, LongSupplier clock, Duration ttl) {
    this(vertx, clock, ttl, Integer.MAX_VALUE);
  }

  /** Fails with {@link StoreFullException} when the store holds {@code maxSessions} already. */
  @Override
  public Future<Boolean> create(Session session) {
    if (full()) {
      return Future.failedFuture(new StoreFullException("this server holds " + maxSessions + " sessions, its most"));
    }
    int bytes = SessionCodec.size(session);
    if (resident.get() + bytes > maxResidentBytes) {
      return Future.failedFuture(new StoreFullException("this server holds " + (resident.get() >> 20)
          + " MiB of sessions, its most"));
    }
    boolean[] created = {false};
    sessions.compute(session.code, (code, e) -> {
      if (e == null) e = new Entry(null);
      synchronized (e) {
        if (e.current == null || expired(e.current)) {
          e.hold(session, bytes, resident);
          created[0] = true;
        }
      }
      return e;
    });
    return Future.succeededFuture(created[0]);
  }

  @Override
  public Future<Session> load(String code) {
    Entry e = live(code);
    if (e == null) return Future.succeededFuture(null);
    synchronized (e) {
      return Future.succeededFuture(e.current);
    }
  }

  @Override
  public Future<Update> update(String code, Function<Session, Outcome> change) {
    Entry e = live(code);
    if (e == null) return Future.failedFuture(new UnknownSessionException(code));
    synchronized (e) {
      if (e.current == null) return Future.failedFuture(new UnknownSessionException(code));
      Outcome outcome;
      try {
        outcome = change.apply(e.current);
      } catch (RuntimeException ex) {
        return Future.failedFuture(ex);
      }
      if (outcome instanceof Outcome.Applied applied) {
        Session next = applied.session();
        if (next.version != e.current.version + 1) {
          return Future.failedFuture(new IllegalStateException(
              "applied version " + next.version + " does not follow " + e.current.version));
        }
        int bytes = SessionCodec.size(next);
        int before = e.bytes;
        if (!size.allows(() -> before, bytes)) return Future.succeededFuture(new Update(size.refusal(), e.current));
        e.hold(next, bytes, resident);
        e.listeners.deliver(next);
      }
      return Future.succeededFuture(new Update(outcome, e.current));
    }
  }

  @Override
  public Future<Boolean> delete(String code) {
    Entry e = live(code);
    if (e == null) return Future.succeededFuture(false);
    boolean[] deleted = {false};
    sessions.computeIfPresent(code, (c, entry) -> {
      synchronized (entry) {
        if (entry.current != null) {
          entry.hold(null, 0, resident);
          entry.listeners.deliver(null);
          deleted[0] = true;
        }
        return entry.listeners.isEmpty() ? null : entry;
      }
    });
    return Future.succeededFuture(deleted[0]);
  }

  /** Encoded bytes of the sessions held, for metrics and tests. */
  public long residentBytes() {
    return resident.get();
  }

  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> consumer) {
    Subscription[] added = new Subscription[1];
    // Added inside compute so that a concurrent sweep cannot drop the entry in between.
    sessions.compute(code, (c, existing) -> {
      Entry entry = existing == null ? new Entry(null) : existing;
      added[0] = entry.listeners.add(vertx.getOrCreateContext(), consumer);
      return entry;
    });
    return Future.succeededFuture(added[0]);
  }

  /** Versions go to listeners under the session's lock, every one of them ({@link Listeners}). */
  @Override
  public boolean deliversEveryVersion() {
    return true;
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> heartbeat(String nodeId, long ttlMs) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Set<String>> liveNodes(Set<String> nodeIds) {
    return Future.succeededFuture(Set.copyOf(nodeIds));
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }

  /** Number of sessions held, for metrics. */
  public int size() {
    return sessions.size();
  }

  /** Drops sessions whose last change is older than the TTL (and entries that only held listeners). */
  void sweep() {
    for (String code : sessions.keySet()) forgetIfIdle(code);
  }

  private boolean full() {
    if (sessions.size() < maxSessions) return false;
    long now = clock.getAsLong();
    if (now - sweptWhenFull >= 1000) {
      sweptWhenFull = now;
      sweep();
    }
    return sessions.size() >= maxSessions;
  }

  private boolean expired(Session s) {
    return Expiry.expired(s, ttlMs, clock.getAsLong());
  }

  /** The entry of a session that exists now; an expired session is forgotten, its listeners kept. */
  private Entry live(String code) {
    Entry e = sessions.get(code);
    if (e == null) return null;
    synchronized (e) {
      if (e.current != null && !expired(e.current)) return e;
    }
    forgetIfIdle(code);
    return null;
  }

  /** Atomic with {@link #subscribe}'s compute, so a listener is never added to a dropped entry. */
  private void forgetIfIdle(String code) {
    sessions.computeIfPresent(code, (c, e) -> {
      synchronized (e) {
        if (e.current != null && expired(e.current)) e.hold(null, 0, resident);
        return e.current == null && e.listeners.isEmpty() ? null : e;
      }
    });
  }

  private static final class Entry {
    /** Null while only a subscriber knows the code (it may be created later). */
    Session current;
    /** {@link #current}'s encoded size, counted in the store's resident bytes. */
    int bytes;
    final Listeners listeners = new Listeners();

    Entry(Session current) {
      this.current = current;
    }

    /** Under the entry's lock: {@code s} (null: none) replaces the current session in the count too. */
    void hold(Session s, int size, java.util.concurrent.atomic.AtomicLong resident) {
      resident.addAndGet(size - bytes);
      current = s;
      bytes = size;
    }
  }
}
