package app.roundtable.store;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where sessions live. One contract, three implementations: {@link InMemorySessionStore} and the
 * SQLite store (one node; sessions in this process, the SQLite one also on disk) and the Redis store
 * (any number of nodes, Redis standalone or Cluster). {@code SessionStoreContract} in the tests holds
 * each of them to these promises:
 *
 * <p>Sessions handed out (by {@link #load}, {@link #update} and to listeners) may be shared between
 * callers and must not be mutated; changes work on {@link Session#copy()}.
 *
 * <ul>
 *   <li><b>Atomic updates.</b> {@link #update} applies a change to the latest version and writes it
 *       only if nobody wrote in between (a version check); on a conflict it re-reads and re-applies,
 *       so concurrent updates from any node are all kept, each exactly once, at consecutive versions.
 *   <li><b>Publish with the write.</b> Every written version is published to the session's
 *       subscribers on every node, in version order, in the same atomic step as the write.
 *   <li><b>Expiry.</b> A session and everything stored for it is deleted {@code ttl} after its last
 *       change, and one that nobody ever joined {@link Expiry#UNJOINED_MS} after its creation if
 *       that comes first ({@link Expiry}); {@link #load} of an expired or unknown code gives null.
 *   <li><b>Size.</b> An applied outcome whose encoded session would pass the store's {@link
 *       SessionSize} is turned into that refusal ({@code limit_exceeded}) before anything is
 *       written: {@link Update#outcome()} says so and nothing is published.
 *   <li><b>Deletion.</b> {@link #delete} removes a session now, everywhere: later loads give null,
 *       updates fail with {@link UnknownSessionException}, and every subscriber on every node is
 *       handed {@code null} once, meaning "deleted: no versions follow".
 *   <li><b>Failure.</b> When the backing store cannot answer, futures fail with
 *       {@link StoreUnavailableException} within a few seconds; they never hang.
 * </ul>
 */
public interface SessionStore {

  /**
   * Stores a brand-new session; false when its code is already taken. A store with a bound on
   * sessions fails with {@link StoreFullException} once it is reached, writing nothing.
   */
  Future<Boolean> create(Session session);

  /**
   * Deletes the session and everything stored for it now; true when there was one. Every
   * subscriber, on every node, gets {@code null} (after any version already written). What the
   * backing store's own files keep of it is the store's to say (docs/deploy.md).
   */
  Future<Boolean> delete(String code);

  /** The latest version, or null when there is no such session (never created, or expired). */
  Future<Session> load(String code);

  /**
   * Applies {@code change} to the latest version of the session atomically. {@code change} must be
   * pure (it may run more than once on conflicts, on any thread); only the result of its last run is
   * kept. An {@link Outcome.Applied} session must be at exactly the current version + 1. Only an
   * applied outcome writes and publishes; any other outcome leaves the session as it is and
   * {@link Update#current()} is the version the change saw. Fails with {@link
   * UnknownSessionException} when the session does not exist.
   */
  Future<Update> update(String code, Function<Session, Outcome> change);

  /**
   * Calls {@code listener} with versions written from now on (once the returned future succeeded),
   * in increasing order, on the calling context; never a version at or below one it already got;
   * {@code null} when the session was deleted ({@link #delete}), after which nothing follows.
   * The in-process stores deliver every version ({@link #deliversEveryVersion}). Across nodes a version may be skipped when pub/sub dropped
   * messages (e.g. a reconnect); the store then delivers the latest version it re-reads, and
   * clients that see the gap sync. Subscribing twice for one code gives two independent
   * subscriptions; a code need not exist yet.
   */
  Future<Subscription> subscribe(String code, Consumer<Session> listener);

  /**
   * True when {@link #subscribe} delivers every version (the stores that hold sessions in this
   * process); false when one may be skipped (pub/sub across nodes), so nothing may wait for a
   * particular version without a time limit.
   */
  default boolean deliversEveryVersion() {
    return false;
  }

  /** Succeeds when the backing store answers now; readiness probes use it. */
  Future<Void> ping();

  /**
   * Records that node {@code nodeId} is alive for the next {@code ttlMs}. Each server node calls it
   * periodically (well within the TTL). Sessions count connections per node id ({@code
   * Member.presence}, {@code Session.displays}); when a node dies its heartbeat lapses, and the
   * surviving nodes use {@link #liveNodes} to drop the dead node's counts, so its members do not
   * show online forever. In one JVM every node is this node, so the in-memory store keeps nothing.
   */
  Future<Void> heartbeat(String nodeId, long ttlMs);

  /**
   * Which of {@code nodeIds} have a heartbeat that has not lapsed. The in-memory store has only the
   * local node and reports every given id as live.
   */
  Future<Set<String>> liveNodes(Set<String> nodeIds);

  Future<Void> close();

  /** What an update gave: the outcome, and the session as it now stands (the new one if applied). */
  record Update(Outcome outcome, Session current) {}

  interface Subscription {
    Future<Void> cancel();
  }
}
