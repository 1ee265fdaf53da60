package app.roundtable.store;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import io.vertx.core.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where sessions live. One contract, two implementations: {@link InMemorySessionStore} (one node)
 * and the Redis store (any number of nodes). {@code SessionStoreContract} in the tests holds both to
 * these promises:
 *
 * <ul>
 *   <li><b>Atomic updates.</b> {@link #update} applies a change to the latest version and writes it
 *       only if nobody wrote in between (a version check); on a conflict it re-reads and re-applies,
 *       so concurrent updates from any node are all kept, each exactly once, at consecutive versions.
 *   <li><b>Publish with the write.</b> Every written version is published to the session's
 *       subscribers on every node, in version order, in the same atomic step as the write.
 *   <li><b>Expiry.</b> A session and everything stored for it is deleted {@code ttl} after its last
 *       change; {@link #load} of an expired or unknown code gives null.
 *   <li><b>Failure.</b> When the backing store cannot answer, futures fail with
 *       {@link StoreUnavailableException} within a few seconds; they never hang.
 * </ul>
 */
public interface SessionStore {

  /** Stores a brand-new session; false when its code is already taken. */
  Future<Boolean> create(Session session);

  /** The latest version, or null when there is no such session (never created, or expired). */
  Future<Session> load(String code);

  /**
   * Applies {@code change} to the latest version of the session atomically. {@code change} must be
   * pure (it may run more than once on conflicts). Fails with {@link UnknownSessionException} when
   * the session does not exist.
   */
  Future<Update> update(String code, Function<Session, Outcome> change);

  /**
   * Calls {@code listener} with every version written from now on, in order, on the calling
   * context. Subscribing twice for one code gives two independent subscriptions.
   */
  Future<Subscription> subscribe(String code, Consumer<Session> listener);

  /** Succeeds when the backing store answers now; readiness probes use it. */
  Future<Void> ping();

  Future<Void> close();

  /** What an update gave: the outcome, and the session as it now stands (the new one if applied). */
  record Update(Outcome outcome, Session current) {}

  interface Subscription {
    Future<Void> cancel();
  }
}
