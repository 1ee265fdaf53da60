package app.roundtable.store.sqlite;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import app.roundtable.store.Expiry;
import app.roundtable.store.OnContext;
import app.roundtable.store.SessionCodec;
import app.roundtable.store.SessionSize;
import app.roundtable.store.SessionStore;
import app.roundtable.store.StoreFullException;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.UnknownSessionException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;

/**
 * Sessions in one SQLite file under {@code DATA_DIR}: one node, durable, nothing to install.
 *
 * <p>Memory is a cache over the file, bounded by bytes ({@link ResidentSessions}): a session is
 * read from its row the first time it is needed (a join, a look-up) and stays while anyone uses
 * it; idle ones are evicted once the resident sessions pass {@code maxResidentBytes}. Start-up
 * reads no session, so neither start-up memory nor start-up time grows with the file.
 *
 * <p>A change is applied in memory under its session's lock (so the next change builds on it at
 * once), queued for the {@link SqliteWriter}, and becomes visible only after its commit: its
 * future completes, its subscribers get it and {@link #load} returns it then, so nothing a client
 * saw can be lost by a crash. When a commit fails, the changes built on it are dropped too and the
 * session falls back to its last saved version; their callers get {@link StoreUnavailableException}.
 *
 * <p>Deleted and expired rows leave no trace in the file: see {@link SqliteFile} (secure delete,
 * incremental vacuum) and {@link SqliteCheckpointer#truncateSoon} (the WAL emptied after a delete).
 */
public final class SqliteSessionStore implements SessionStore {
  /** Writes that may wait for the disk before new ones are refused as unavailable. */
  static final int QUEUE_CAPACITY = 20_000;
  /** The sessions held in memory over the file. */
  private final ResidentSessions cache;
  /** The cache's entries by code (the cache's own map: compute operations here keep its rules). */
  private final Map<String, SessionEntry> sessions;
  /** Encoded bytes of the sessions held in memory. */
  private final AtomicLong resident;
  private final Map<String, Long> heartbeats = new ConcurrentHashMap<>();
  /** Rows in the file, expired ones included until swept: what {@code maxSessions} bounds. */
  private final AtomicInteger rows = new AtomicInteger();
  private final Vertx vertx;
  private final LongSupplier clock;
  private final long ttlMs;
  private final SqliteWriter writer;
  private final SqliteCheckpointer checkpointer;
  private final long sweepTimer;
  private final int maxSessions;
  private final SessionSize size;
  private final long maxResidentBytes;

  private SqliteSessionStore(Vertx vertx, LongSupplier clock, Options options, SqliteWriter writer,
      SqliteCheckpointer checkpointer) {
    this.vertx = vertx;
    this.maxSessions = options.maxSessions();
    this.size = options.size();
    this.maxResidentBytes = options.maxResidentBytes();
    this.clock = clock;
    this.cache = new ResidentSessions(writer, clock, options.maxResidentBytes());
    this.sessions = cache.sessions;
    this.resident = cache.resident;
    this.ttlMs = options.ttlMs();
    this.writer = writer;
    this.checkpointer = checkpointer;
    this.sweepTimer = vertx.setPeriodic(60_000, id -> sweep());
  }

  /**
   * Where and how: {@code dir} holds {@code roundtable.db}; sessions expire {@code ttlMs} after their
   * last change; {@code syncEveryCommit} fsyncs each commit (survives power loss, not only a crash);
   * {@code maxPageCount} caps the file's size in pages (0: none; tests play a full disk with it);
   * past {@code maxSessions} sessions in the file a create fails with {@link StoreFullException};
   * each session is held to {@code size}; {@code maxResidentBytes} bounds the sessions held in
   * memory (encoded bytes): past it idle ones are evicted, and when the sessions in use alone
   * pass it, creates fail with {@link StoreFullException}.
   */
  public record Options(Path dir, long ttlMs, boolean syncEveryCommit, long maxPageCount, int maxSessions,
      SessionSize size, long maxResidentBytes) {
    public Options {
      if (ttlMs <= 0) throw new IllegalArgumentException("ttl must be positive");
      if (maxSessions <= 0) throw new IllegalArgumentException("maxSessions must be positive");
      if (maxResidentBytes <= 0) throw new IllegalArgumentException("maxResidentBytes must be positive");
    }

    /** The default session size, and memory bounded by sessions' count alone. */
    public Options(Path dir, long ttlMs, boolean syncEveryCommit, long maxPageCount, int maxSessions) {
      this(dir, ttlMs, syncEveryCommit, maxPageCount, maxSessions, SessionSize.DEFAULT, Long.MAX_VALUE);
    }
  }

  /** With the defaults: no fsync per commit, no size cap. */
  public static SqliteSessionStore open(Vertx vertx, Path dir, long ttlMs, LongSupplier clock) {
    return open(vertx, new Options(dir, ttlMs, false, 0, Integer.MAX_VALUE), clock);
  }

  /**
   * Opens (or creates) {@code dir/roundtable.db}, deletes expired rows and counts the others (it
   * reads no session). Blocks; call it before serving. Fails with {@link StartupException} saying
   * what to do.
   */
  public static SqliteSessionStore open(Vertx vertx, Options options, LongSupplier clock) {
    SqliteFile.Opened file = SqliteFile.open(options.dir(), options.syncEveryCommit(), options.maxPageCount());
    SqliteSessionStore store = new SqliteSessionStore(vertx, clock, options, new SqliteWriter(file, QUEUE_CAPACITY),
        file.checkpointer());
    store.start();
    return store;
  }

  /** Commits and the changes each carried, for metrics (called on the writer thread). */
  public void onCommit(SqliteWriter.CommitListener listener) {
    writer.listener(listener);
  }

  private void start() {
    long now = clock.getAsLong();
    Object counted = join(writer.run(c -> {
      if (SessionRows.deleteExpired(c, now) > 0) SqliteFile.scrub(c, checkpointer);
      rows.set(SessionRows.count(c));
      return rows.get();
    }));
    LoggerFactory.getLogger(SqliteSessionStore.class).atInfo().addKeyValue("event", "sessions_on_disk")
        .addKeyValue("sessions", counted).log("{} session(s) on disk, read when first needed", counted);
  }

  // --- the contract ------------------------------------------------------------------------

  /**
   * Fails with {@link StoreFullException} when {@code maxSessions} rows are in the file already
   * (expired ones count until swept), or when the sessions in use fill memory.
   */
  @Override
  public Future<Boolean> create(Session session) {
    Context caller = vertx.getOrCreateContext();
    byte[] state = SessionCodec.encode(session);
    cache.makeRoomFor(state.length);
    if (resident.get() + state.length > maxResidentBytes) {
      return Future.failedFuture(new StoreFullException("the sessions in use fill this server's memory ("
          + (resident.get() >> 20) + " MiB)"));
    }
    Promise<Boolean> done = Promise.promise();
    cache.locked(session.code, e -> {
      SessionEntry entry = e;
      if (entry == null) {
        // No row (the read just said so, and only a loaded entry adds one): an entry that a
        // subscriber made meanwhile holds nothing either.
        entry = sessions.computeIfAbsent(session.code, k -> new SessionEntry(resident));
        synchronized (entry) {
          if (!entry.loaded && !entry.evicted) entry.install(null, 0);
          return createIn(entry, session, state, done);
        }
      }
      return createIn(entry, session, state, done);
    }).whenComplete((queued, failed) -> {
      if (failed != null) done.tryFail(failed.getCause() != null ? failed.getCause() : failed);
    });
    return OnContext.of(caller, done.future());
  }

  /** Under {@code entry}'s lock. */
  private boolean createIn(SessionEntry entry, Session session, byte[] state, Promise<Boolean> done) {
    if (entry.evicted || !entry.loaded) {
      done.fail(new StoreUnavailableException("session " + session.code + " changed while it was being created"));
      return false;
    }
    boolean replaces = entry.latest != null;
    if (replaces && !expired(entry.latest)) {
      done.complete(false);
      return false;
    }
    if (!replaces && rows.get() >= maxSessions) {
      done.fail(new StoreFullException("this server holds " + maxSessions + " sessions, its most"));
      return false;
    }
    if (!enqueue(entry, entry.latest, session, state, false, ok -> done.complete(true), done::fail)) {
      done.fail(busy());
      return false;
    }
    if (!replaces) rows.incrementAndGet();
    return true;
  }

  @Override
  public Future<Session> load(String code) {
    SessionEntry cached = sessions.get(code);
    if (cached != null && cached.loaded) {
      cached.lastUsed = clock.getAsLong();
      Session s = cached.committed;
      return Future.succeededFuture(s == null || expired(s) ? null : s);
    }
    return completeOnCaller(cache.entry(code).thenApply(e -> {
      Session s = e == null ? null : e.committed;
      return s == null || expired(s) ? null : s;
    }));
  }

  @Override
  public Future<Update> update(String code, Function<Session, Outcome> change) {
    Context caller = vertx.getOrCreateContext();
    SessionEntry cached = sessions.get(code);
    if (cached != null && cached.loaded) {
      cached.lastUsed = clock.getAsLong();
      synchronized (cached) {
        if (!cached.evicted) return updateIn(cached, code, change, caller);
      }
    }
    Promise<Update> done = Promise.promise();
    cache.locked(code, e -> e == null ? Future.<Update>failedFuture(new UnknownSessionException(code)) : updateIn(e, code, change, caller))
        .whenComplete((f, failed) -> {
          if (failed != null) done.fail(failed.getCause() != null ? failed.getCause() : failed);
          else f.onComplete(done);
        });
    return OnContext.of(caller, done.future());
  }

  /** Under {@code e}'s lock. */
  private Future<Update> updateIn(SessionEntry e, String code, Function<Session, Outcome> change, Context caller) {
    Promise<Update> done = Promise.promise();
    Session current = e.latest;
    if (current == null || expired(current)) return Future.failedFuture(new UnknownSessionException(code));
    Outcome outcome;
    try {
      outcome = change.apply(current);
    } catch (RuntimeException ex) {
      return Future.failedFuture(ex);
    }
    if (!(outcome instanceof Outcome.Applied applied)) return answerWhenSaved(e, current, outcome, caller);
    Session next = applied.session();
    if (next.version != current.version + 1) {
      return Future.failedFuture(new IllegalStateException(
          "applied version " + next.version + " does not follow " + current.version));
    }
    byte[] state = SessionCodec.encode(next);
    int before = e.bytes;
    if (!size.allows(() -> before, state.length)) return answerWhenSaved(e, current, size.refusal(), caller);
    if (!enqueue(e, current, next, state, true, ok -> done.complete(new Update(outcome, next)), done::fail)) {
      return Future.failedFuture(busy());
    }
    return OnContext.of(caller, done.future());
  }

  /** What the change saw may not be saved yet: answer once it is (or that it was not). Under the lock. */
  private Future<Update> answerWhenSaved(SessionEntry e, Session current, Outcome outcome, Context caller) {
    if (e.committed == current || e.tail == null) return Future.succeededFuture(new Update(outcome, current));
    Promise<Update> done = Promise.promise();
    e.tail.whenComplete((ok, failed) -> {
      if (failed == null) done.complete(new Update(outcome, current));
      else done.fail(failed);
    });
    return OnContext.of(caller, done.future());
  }

  /** Under {@code e}'s lock: makes {@code next} the version changes build on, and queues its write. */
  private boolean enqueue(SessionEntry e, Session base, Session next, byte[] state, boolean publish,
      Consumer<Void> ok, Consumer<Throwable> failed) {
    CompletableFuture<Void> saved = new CompletableFuture<>();
    SessionWrite w = new SessionWrite(e, base, next, state, Expiry.expiresAt(next, ttlMs), publish, saved);
    if (!writer.offer(w)) return false;
    e.latest = next;
    e.size(state.length);
    e.tail = saved;
    saved.whenComplete((v, ex) -> {
      if (ex == null) ok.accept(null);
      else failed.accept(ex);
    });
    return true;
  }

  /**
   * Gone from memory at once (later changes are refused), then from the file: the row deleted,
   * the freed pages zeroed and given back, the WAL emptied ({@link SqliteFile#scrub}); subscribers
   * are told once the row is gone. When the delete fails the entry is read again from the file.
   */
  @Override
  public Future<Boolean> delete(String code) {
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> done = Promise.promise();
    cache.locked(code, e -> {
      if (e == null || e.latest == null || expired(e.latest)) return false;
      e.forget();
      writer.run(c -> {
        SessionRows.delete(c, code);
        synchronized (e) {
          e.writerHead = null;
        }
        rows.decrementAndGet();
        SqliteFile.scrub(c, checkpointer);
        return null;
      }).whenComplete((v, failed) -> {
        if (failed != null) {
          synchronized (e) {
            e.loaded = false; // what the file holds is what it is: read it again
          }
          done.fail(failed);
          return;
        }
        // The caller first (its ack goes out before the sockets' close), then every subscriber.
        done.complete(true);
        synchronized (e) {
          e.listeners.deliver(null);
        }
        sessions.computeIfPresent(code, (k, cur) -> cur == e && cur.listeners.isEmpty() && cur.latest == null ? null : cur);
      });
      return true;
    }).whenComplete((started, failed) -> {
      if (failed != null) done.tryFail(failed.getCause() != null ? failed.getCause() : failed);
      else if (!started) done.tryComplete(false);
    });
    return OnContext.of(caller, done.future());
  }

  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> consumer) {
    Subscription[] added = new Subscription[1];
    // Added inside compute so that a concurrent sweep or eviction cannot drop the entry in between.
    sessions.compute(code, (c, existing) -> {
      SessionEntry entry = existing == null ? new SessionEntry(resident) : existing;
      synchronized (entry) {
        added[0] = entry.listeners.add(vertx.getOrCreateContext(), consumer);
      }
      return entry;
    });
    return Future.succeededFuture(added[0]);
  }

  /** Succeeds when the writer takes work and the database answers (behind any writes waiting). */
  /** Every saved version goes to the listeners, in order ({@link Listeners}). */
  @Override
  public boolean deliversEveryVersion() {
    return true;
  }

  @Override
  public Future<Void> ping() {
    return completeOnCaller(writer.run(c -> {
      try (var st = c.createStatement()) {
        st.execute("SELECT 1");
      }
      return null;
    })).mapEmpty();
  }

  /** This process is the only node of its file; other node ids in sessions are earlier processes. */
  @Override
  public Future<Void> heartbeat(String nodeId, long ttlMs) {
    heartbeats.put(nodeId, clock.getAsLong() + ttlMs);
    return Future.succeededFuture();
  }

  @Override
  public Future<Set<String>> liveNodes(Set<String> nodeIds) {
    long now = clock.getAsLong();
    Set<String> live = new java.util.HashSet<>();
    for (String id : nodeIds) {
      Long until = heartbeats.get(id);
      if (until != null && until >= now) live.add(id);
    }
    return Future.succeededFuture(live);
  }

  /**
   * Saves whatever is queued, folds the WAL into the file and closes it. Completes on the writer
   * thread, not the caller's context: at shutdown that context's event loop may already be gone.
   */
  @Override
  public Future<Void> close() {
    vertx.cancelTimer(sweepTimer);
    return Future.fromCompletionStage(writer.close()).mapEmpty();
  }

  /** Encoded bytes of the sessions held in memory, for metrics and tests. */
  public long residentBytes() {
    return resident.get();
  }

  /** Sessions held in memory (those in use and those not evicted yet), for metrics and tests. */
  public int resident() {
    return sessions.size();
  }

  /**
   * Deletes expired sessions' rows (scrubbed from the file as a delete is), forgets them here, and
   * evicts what memory holds past its bound; the number of rows deleted.
   */
  public Future<Integer> sweep() {
    long now = clock.getAsLong();
    return completeOnCaller(writer.run(c -> {
      int deleted = SessionRows.deleteExpired(c, now);
      rows.addAndGet(-deleted);
      if (deleted > 0) SqliteFile.scrub(c, checkpointer);
      for (String code : sessions.keySet()) forgetIfExpired(code, now);
      cache.evictIfOver();
      return deleted;
    })).map(n -> (Integer) n);
  }

  /** On the writer thread, right after the rows went: the same sessions leave memory. */
  private void forgetIfExpired(String code, long now) {
    sessions.computeIfPresent(code, (c, e) -> {
      synchronized (e) {
        if (e.latest != null && e.latest == e.committed && now > Expiry.expiresAt(e.latest, ttlMs)) {
          e.forget();
          e.writerHead = null;
        }
        return e.loaded && e.latest == null && e.listeners.isEmpty() ? null : e;
      }
    });
  }

  private boolean expired(Session s) {
    return Expiry.expired(s, ttlMs, clock.getAsLong());
  }

  private <T> Future<T> completeOnCaller(CompletableFuture<T> f) {
    Context caller = vertx.getOrCreateContext();
    Promise<T> p = Promise.promise();
    f.whenComplete((v, e) -> {
      if (e == null) p.complete(v);
      else p.fail(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
    });
    return OnContext.of(caller, p.future());
  }

  private static StoreUnavailableException busy() {
    return new StoreUnavailableException("too many changes are waiting for the disk");
  }

  private static Object join(CompletableFuture<Object> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new StartupException("Could not read the sessions saved in the database: " + e.getCause().getMessage(), e);
    }
  }
}
