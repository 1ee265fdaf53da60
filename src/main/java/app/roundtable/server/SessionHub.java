package app.roundtable.server;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The sessions with connections on one event loop. A loop subscribes to a session's versions only
 * while it has connections (or joins in progress) for it, and unsubscribes when the last one goes.
 * Runs on its event loop only, so it needs no locks.
 */
final class SessionHub {
  private final Map<String, LocalSession> sessions = new HashMap<>();
  private final Map<String, Future<LocalSession>> opening = new HashMap<>();
  private final Services services;
  /** Acks of this loop's connections that wait for their version (normally none, briefly). */
  final ParkedAcks acks;

  SessionHub(Services services) {
    this.services = services;
    this.acks = new ParkedAcks(services.clock);
  }

  /** The loop's view of {@code code}, subscribed; counts as pending until {@link #settle} is called. */
  Future<LocalSession> open(String code) {
    LocalSession existing = sessions.get(code);
    if (existing != null) {
      existing.pending++;
      return Future.succeededFuture(existing);
    }
    Future<LocalSession> inFlight = opening.get(code);
    if (inFlight != null) {
      return inFlight.map(ls -> {
        ls.pending++;
        return ls;
      });
    }
    LocalSession ls = new LocalSession(code, services.metrics, services.known, services.config.sessions().room());
    ls.pending++;
    Future<LocalSession> f = services.store.subscribe(code, ls::deliver).map(sub -> {
      ls.subscription = sub;
      sessions.put(code, ls);
      services.metrics.activeSessions.incrementAndGet();
      services.known.serving(code);
      return ls;
    });
    opening.put(code, f);
    return f.onComplete(ar -> opening.remove(code));
  }

  /** A join that {@link #open} counted has finished, well or not. */
  void settle(LocalSession ls) {
    ls.pending--;
    release(ls);
  }

  void release(LocalSession ls) {
    if (!ls.unused() || sessions.get(ls.code) != ls) return;
    sessions.remove(ls.code);
    services.metrics.activeSessions.decrementAndGet();
    services.known.notServing(ls.code);
    if (ls.subscription != null) ls.subscription.cancel();
  }

  Collection<LocalSession> all() {
    return sessions.values();
  }
}
