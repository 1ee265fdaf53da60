package app.roundtable.server;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Member;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.protocol.Inbound;
import io.vertx.core.Future;

/**
 * Owns the way into a session and back out: a {@code join} as a new member (minting the member id
 * and resume token), with the facilitator key, as a resume, or as a display; the presence that a
 * join records and that a closed socket takes back. The socket's side (what it sends, its phase)
 * stays with the {@link Seat}. Runs on the socket's event loop.
 */
final class JoinFlow {
  private static final System.Logger LOG = System.getLogger(JoinFlow.class.getName());

  /** The socket that asked to join, seated with its welcome as the join's answer. */
  interface Seat {
    /**
     * The join is in the store as {@code joined}; {@code memberId} and {@code resume} are null for a
     * display. False when the socket is no longer there to take it, or was answered meanwhile
     * (unavailable: the store was too slow); then its presence is taken back.
     */
    boolean seat(LocalSession ls, Session joined, String memberId, String resume, Answer answer);
  }

  private final Services services;
  private final SessionHub hub;

  JoinFlow(Services services, SessionHub hub) {
    this.services = services;
    this.hub = hub;
  }

  /** Answers {@code j} through {@code answer}: a refusal, or {@code seat}'s welcome. */
  Future<Void> join(Inbound.Join j, String ip, Seat seat, Answer answer) {
    long started = System.nanoTime();
    long now = services.clock.getAsLong();
    if (!services.joinGuard.allow(ip, now)) {
      answer.refuse(Refusal.of(Reason.RATE_LIMITED, "Too many attempts to join; wait a minute and try again."));
      return Future.succeededFuture();
    }
    String code = SessionCodes.normalise(j.code());
    if (code == null) {
      services.joinGuard.miss(ip, now);
      answer.refuse(unknown());
      return Future.succeededFuture();
    }
    return hub.open(code)
        .compose(ls -> joinLoaded(j, ip, ls, seat, answer, started).onComplete(ar -> hub.settle(ls)))
        .mapEmpty();
  }

  private Future<Void> joinLoaded(Inbound.Join j, String ip, LocalSession ls, Seat seat, Answer answer, long started) {
    return services.store.load(ls.code).compose(s -> {
      if (!answer.owed()) return Future.succeededFuture(); // told unavailable: nothing was done
      if (s == null) {
        services.joinGuard.miss(ip, services.clock.getAsLong());
        answer.refuse(unknown());
        return Future.succeededFuture();
      }
      if (s.isEnded()) {
        answer.refuse(Refusal.of(Reason.SESSION_ENDED, "This session has ended."));
        return Future.succeededFuture();
      }
      String token = null;
      String id;
      Command command;
      String nodeId = services.config.node().id();
      if (j.display()) {
        id = null;
        command = new Command.DisplayJoin(nodeId);
      } else if (j.resume() != null) {
        Member m = byResumeToken(s, j.resume());
        if (m == null) {
          answer.refuse(Refusal.of(Reason.NOT_FOUND, "That membership is unknown or was removed; join with your name."));
          return Future.succeededFuture();
        }
        id = m.id;
        token = j.resume();
        command = new Command.Connect(nodeId);
      } else {
        id = Secrets.base32(16);
        token = Secrets.token();
        String keyHash = j.key() == null ? null : Secrets.hash(j.key());
        // Salted with the series, so the same browser's secret matches only within one group's sessions.
        String seriesHash = j.identity() == null ? null : Secrets.hash(s.series() + ":" + j.identity());
        command = new Command.Join(id, j.name(), keyHash, Secrets.hash(token), nodeId, seriesHash);
      }
      Action action = new Action(command instanceof Command.Join ? null : id, null, command);
      String resume = token;
      return services.store.update(ls.code, cur -> Rules.apply(cur, action, services.context()))
          .map(u -> {
            if (u.outcome() instanceof Outcome.Refused r) {
              answer.refuse(r.refusal());
            } else if (seat.seat(ls, u.current(), id, resume, answer)) {
              services.metrics.joinToWelcome(System.nanoTime() - started);
            }
            return null;
          });
    });
  }

  private static Refusal unknown() {
    return Refusal.of(Reason.UNKNOWN_SESSION, "There is no session with that code.");
  }

  private static Member byResumeToken(Session s, String token) {
    String hash = Secrets.hash(token);
    for (Member m : s.members.values()) {
      if (!m.removed && Secrets.sameHash(hash, m.resumeHash)) return m;
    }
    return null;
  }

  /** Takes back the presence a join recorded: the socket closed (or closed while joining). */
  void leave(String code, String memberId, boolean display) {
    Command c = display ? new Command.DisplayLeave(services.config.node().id())
        : new Command.Disconnect(services.config.node().id());
    Action action = new Action(display ? null : memberId, null, c);
    services.store.update(code, s -> Rules.apply(s, action, services.context()))
        .onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "presence update failed: {0}", e.toString()));
  }
}
