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

  SessionHub(Services services) {
    this.services = services;
  }

  /** The loop's view of {@code code}, subscribed; counts as pending until {@link #settle} is called. */
  Future<LocalSession> open(String code) {
    LocalSession existing = sessions.get(code);
    if (existing != null) {
      existing.joinStarted();
      return Future.succeededFuture(existing);
    }
    Future<LocalSession> inFlight = opening.get(code);
    if (inFlight != null) {
      return inFlight.map(ls -> {
        ls.joinStarted();
        return ls;
      });
    }
    LocalSession ls = new LocalSession(code, services.metrics, services.known, services.config.sessions().room(),
        services.config.sessions().limits().maxMembers());
    ls.joinStarted();
    Future<LocalSession> f = ls.subscribe(services.store).map(v -> {
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
    ls.joinSettled();
    release(ls);
  }

  /** {@code c} is no longer joined to {@code ls}: the loop lets go of the session once nothing uses it. */
  void remove(LocalSession ls, Connection c) {
    ls.remove(c);
    release(ls);
  }

  private void release(LocalSession ls) {
    if (!ls.unused() || sessions.get(ls.code) != ls) return;
    sessions.remove(ls.code);
    services.metrics.activeSessions.decrementAndGet();
    services.known.notServing(ls.code);
    ls.unsubscribe();
  }

  Collection<LocalSession> all() {
    return sessions.values();
  }
}
