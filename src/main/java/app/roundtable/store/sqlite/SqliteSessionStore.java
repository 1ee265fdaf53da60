package app.roundtable.store.sqlite;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import app.roundtable.store.Expiry;
import app.roundtable.store.OnContext;
import app.roundtable.store.SessionCodec;
import app.roundtable.store.SessionStore;
import app.roundtable.store.StoreFullException;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.UnknownSessionException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;

/**
 * Sessions in one SQLite file under {@code DATA_DIR}: one node, durable, nothing to install.
 *
 * <p>Memory is the read path: every live session is loaded at start and {@link #load} never touches
 * the disk. A change is applied in memory under its session's lock (so the next change builds on it
 * at once), queued for the {@link SqliteWriter}, and becomes visible only after its commit: its
 * future completes, its subscribers get it and {@link #load} returns it then, so nothing a client
 * saw can be lost by a crash. When a commit fails, the changes built on it are dropped too and the
 * session falls back to its last saved version; their callers get {@link StoreUnavailableException}.
 */
public final class SqliteSessionStore implements SessionStore {
  /** Writes that may wait for the disk before new ones are refused as unavailable. */
  static final int QUEUE_CAPACITY = 20_000;

  private final Map<String, SessionEntry> sessions = new ConcurrentHashMap<>();
  private final Map<String, Long> heartbeats = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final LongSupplier clock;
  private final long ttlMs;
  private final SqliteWriter writer;
  private final long sweepTimer;
  private final int maxSessions;

  private SqliteSessionStore(Vertx vertx, LongSupplier clock, long ttlMs, int maxSessions, SqliteWriter writer) {
    this.vertx = vertx;
    this.maxSessions = maxSessions;
    this.clock = clock;
    this.ttlMs = ttlMs;
    this.writer = writer;
    this.sweepTimer = vertx.setPeriodic(60_000, id -> sweep());
  }

  /**
   * Where and how: {@code dir} holds {@code roundtable.db}; sessions expire {@code ttlMs} after their
   * last change; {@code syncEveryCommit} fsyncs each commit (survives power loss, not only a crash);
   * {@code maxPageCount} caps the file's size in pages (0: none; tests play a full disk with it);
   * past {@code maxSessions} live sessions a create fails with {@link StoreFullException} (every live
   * session is held in memory, so the in-memory store's bound applies here too).
   */
  public record Options(Path dir, long ttlMs, boolean syncEveryCommit, long maxPageCount, int maxSessions) {
    public Options {
      if (ttlMs <= 0) throw new IllegalArgumentException("ttl must be positive");
      if (maxSessions <= 0) throw new IllegalArgumentException("maxSessions must be positive");
    }
  }

  /** With the defaults: no fsync per commit, no size cap. */
  public static SqliteSessionStore open(Vertx vertx, Path dir, long ttlMs, LongSupplier clock) {
    return open(vertx, new Options(dir, ttlMs, false, 0, Integer.MAX_VALUE), clock);
  }

  /**
   * Opens (or creates) {@code dir/roundtable.db} and loads every live session. Blocks; call it
   * before serving. Fails with {@link StartupException} saying what to do.
   */
  public static SqliteSessionStore open(Vertx vertx, Options options, LongSupplier clock) {
    long ttlMs = options.ttlMs();
    SqliteFile.Opened file = SqliteFile.open(options.dir(), options.syncEveryCommit(), options.maxPageCount());
    SqliteSessionStore store = new SqliteSessionStore(vertx, clock, ttlMs, options.maxSessions(),
        new SqliteWriter(file, QUEUE_CAPACITY));
    store.loadAll();
    return store;
  }

  /** Commits and the changes each carried, for metrics (called on the writer thread). */
  public void onCommit(SqliteWriter.CommitListener listener) {
    writer.listener(listener);
  }

  private void loadAll() {
    long now = clock.getAsLong();
    Object loaded = join(writer.run(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
        del.setLong(1, now);
        del.executeUpdate();
      }
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("SELECT state FROM sessions");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Session s = SessionCodec.decode(rs.getBytes(1));
          sessions.put(s.code, new SessionEntry(s));
          n++;
        }
      }
      return n;
    }));
    LoggerFactory.getLogger(SqliteSessionStore.class).atInfo().addKeyValue("event", "sessions_loaded").addKeyValue("sessions", loaded)
        .log("loaded {} session(s)", loaded);
  }

  /** Fails with {@link StoreFullException} when {@code maxSessions} are held already (expired ones count until swept). */
  @Override
  public Future<Boolean> create(Session session) {
    if (sessions.size() >= maxSessions && !sessions.containsKey(session.code)) {
      return Future.failedFuture(new StoreFullException("this server holds " + maxSessions + " sessions, its most"));
    }
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> done = Promise.promise();
    boolean[] queued = {false};
    sessions.compute(session.code, (code, e) -> {
      SessionEntry entry = e == null ? new SessionEntry(null) : e;
      synchronized (entry) {
        if (entry.latest != null && !expired(entry.latest)) return entry;
        queued[0] = enqueue(entry, entry.latest, session, false, ok -> done.complete(true), done::fail);
        if (!queued[0]) done.fail(busy());
      }
      return entry;
    });
    if (!queued[0]) done.tryComplete(false);
    return OnContext.of(caller, done.future());
  }

  @Override
  public Future<Session> load(String code) {
    SessionEntry e = sessions.get(code);
    if (e == null) return Future.succeededFuture(null);
    Session s = e.committed;
    return Future.succeededFuture(s == null || expired(s) ? null : s);
  }

  @Override
  public Future<Update> update(String code, Function<Session, Outcome> change) {
    SessionEntry e = sessions.get(code);
    if (e == null) return Future.failedFuture(new UnknownSessionException(code));
    Context caller = vertx.getOrCreateContext();
    Promise<Update> done = Promise.promise();
    synchronized (e) {
      Session current = e.latest;
      if (current == null || expired(current)) return Future.failedFuture(new UnknownSessionException(code));
      Outcome outcome;
      try {
        outcome = change.apply(current);
      } catch (RuntimeException ex) {
        return Future.failedFuture(ex);
      }
      if (!(outcome instanceof Outcome.Applied applied)) {
        // What the change saw may not be saved yet: answer once it is (or that it was not).
        if (e.committed == current || e.tail == null) return Future.succeededFuture(new Update(outcome, current));
        e.tail.whenComplete((ok, failed) -> {
          if (failed == null) done.complete(new Update(outcome, current));
          else done.fail(failed);
        });
        return OnContext.of(caller, done.future());
      }
      Session next = applied.session();
      if (next.version != current.version + 1) {
        return Future.failedFuture(new IllegalStateException(
            "applied version " + next.version + " does not follow " + current.version));
      }
      if (!enqueue(e, current, next, true, ok -> done.complete(new Update(outcome, next)), done::fail)) {
        return Future.failedFuture(busy());
      }
    }
    return OnContext.of(caller, done.future());
  }

  /** Under {@code e}'s lock: makes {@code next} the version changes build on, and queues its write. */
  private boolean enqueue(SessionEntry e, Session base, Session next, boolean publish, Consumer<Void> ok,
      Consumer<Throwable> failed) {
    CompletableFuture<Void> saved = new CompletableFuture<>();
    SessionWrite w = new SessionWrite(e, base, next, SessionCodec.encode(next), Expiry.expiresAt(next, ttlMs), publish, saved);
    if (!writer.offer(w)) return false;
    e.latest = next;
    e.tail = saved;
    saved.whenComplete((v, ex) -> {
      if (ex == null) ok.accept(null);
      else failed.accept(ex);
    });
    return true;
  }

  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> consumer) {
    Subscription[] added = new Subscription[1];
    // Added inside compute so that a concurrent sweep cannot drop the entry in between.
    sessions.compute(code, (c, existing) -> {
      SessionEntry entry = existing == null ? new SessionEntry(null) : existing;
      added[0] = entry.listeners.add(vertx.getOrCreateContext(), consumer);
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

  /** Deletes expired sessions' rows and forgets them here; the number of rows deleted. */
  public Future<Integer> sweep() {
    long now = clock.getAsLong();
    return completeOnCaller(writer.run(c -> {
      int deleted;
      try (PreparedStatement del = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
        del.setLong(1, now);
        deleted = del.executeUpdate();
      }
      for (String code : sessions.keySet()) forgetIfExpired(code, now);
      return deleted;
    })).map(n -> (Integer) n);
  }

  /** On the writer thread, right after the rows went: the same sessions leave memory. */
  private void forgetIfExpired(String code, long now) {
    sessions.computeIfPresent(code, (c, e) -> {
      synchronized (e) {
        if (e.latest != null && e.latest == e.committed && now > Expiry.expiresAt(e.latest, ttlMs)) {
          e.latest = null;
          e.committed = null;
          e.writerHead = null;
          e.tail = null;
        }
        return e.latest == null && e.listeners.isEmpty() ? null : e;
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
      else p.fail(e);
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
