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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the way into a session and back out: a {@code join} as a new member (minting the member id
 * and resume token), with the facilitator key, as a resume, or as a display; the presence that a
 * join records and that a closed socket takes back. The socket's side (what it sends, its phase)
 * stays with the {@link Seat}. Runs on the socket's event loop.
 */
final class JoinFlow {
  private static final Logger LOG = LoggerFactory.getLogger(JoinFlow.class);

  /** The socket that asked to join, seated with its welcome as the join's answer. */
  interface Seat {
    /**
     * The join is in the store as {@code joined}; {@code memberId} and {@code resume} are null for a
     * display, {@code displayId} for a member. False when the socket is no longer there to take it, or was answered meanwhile
     * (unavailable: the store was too slow); then its presence is taken back.
     */
    boolean seat(LocalSession ls, Session joined, String memberId, String displayId, String resume, Answer answer);
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
    String code = SessionCodes.normalise(j.code());
    String secret = j.resume() != null ? j.resume() : j.key() != null ? j.key() : j.identity();
    Asker asker = new Asker(ip, JoinGuard.client(ip, secret), j.resume() != null || j.key() != null);
    JoinGuard.Pass pass = services.joinGuard.admit(ip, asker.client, asker.proves, code, now);
    if (pass == JoinGuard.Pass.REFUSE) {
      answer.refuse(tooMany());
      return Future.succeededFuture();
    }
    if (code == null) {
      miss(asker, answer, pass);
      return Future.succeededFuture();
    }
    return hub.open(code)
        .compose(ls -> joinLoaded(j, asker, pass, ls, seat, answer, started).onComplete(ar -> hub.settle(ls)))
        .mapEmpty();
  }

  /** Who asked to join, as {@link JoinGuard} counts them. */
  private record Asker(String address, String client, boolean proves) {}

  private Future<Void> joinLoaded(Inbound.Join j, Asker asker, JoinGuard.Pass pass, LocalSession ls, Seat seat,
      Answer answer, long started) {
    return services.store.load(ls.code).compose(s -> {
      if (!answer.owed()) return Future.succeededFuture(); // told unavailable: nothing was done
      if (s == null) {
        miss(asker, answer, pass);
        return Future.succeededFuture();
      }
      if (pass == JoinGuard.Pass.PROVE && !proven(s, j)) {
        // The same answer as for a code that does not exist: nothing learnt about this one.
        miss(asker, answer, pass);
        return Future.succeededFuture();
      }
      if (s.isEnded()) {
        answer.refuse(Refusal.of(Reason.SESSION_ENDED, "This session has ended."));
        return Future.succeededFuture();
      }
      String token = null;
      String id;
      String displayId = null;
      Command command;
      String nodeId = services.config.node().id();
      if (j.display()) {
        id = null;
        displayId = Secrets.base32(16);
        command = new Command.DisplayJoin(nodeId, displayId, j.key() == null ? null : Secrets.hash(j.key()));
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
        // The key holder's token follows from the key, so another device with the key is handed
        // the same one: the same person continues (PROTOCOL.md v1.2), their devices side by side.
        token = j.key() == null ? Secrets.token() : Secrets.keyHolderResume(ls.code, j.key());
        String keyHash = j.key() == null ? null : Secrets.hash(j.key());
        // Salted with the series, so the same browser's secret matches only within one group's sessions.
        String seriesHash = j.identity() == null ? null : Secrets.hash(s.series() + ":" + j.identity());
        command = new Command.Join(id, j.name(), keyHash, Secrets.hash(token), nodeId, seriesHash);
      }
      // One resume token opened 100 joined sockets: a member, and an address, hold a bounded number.
      if (!services.joinedSockets.room(asker.address, ls.code, command instanceof Command.Join ? null : id)) {
        answer.refuse(Refusal.of(Reason.RATE_LIMITED, "Too many connections open from here; close some first."));
        return Future.succeededFuture();
      }
      Action action = new Action(command instanceof Command.Join ? null : id, null, command);
      String resume = token;
      String minted = id;
      String display = displayId;
      return services.store.update(ls.code, cur -> Rules.apply(cur, action, services.context()))
          .map(u -> {
            if (u.outcome() instanceof Outcome.Refused r) {
              answer.refuse(r.refusal());
            } else if (seat.seat(ls, u.current(), joined(u.current(), minted, resume), display, resume, answer)) {
              services.joinGuard.joined(asker.address, ls.code);
              services.metrics.joinToWelcome(System.nanoTime() - started);
            }
            return null;
          });
    });
  }

  /** Who joined: the member holding {@code resume} (a key holder continued), else the id minted for the join. */
  private static String joined(Session s, String minted, String resume) {
    if (resume == null || s.members.containsKey(minted)) return minted;
    Member m = byResumeToken(s, resume);
    return m == null ? minted : m.id;
  }

  /** A code that does not exist (or, when the join had to prove itself, a wrong secret). */
  private void miss(Asker asker, Answer answer, JoinGuard.Pass pass) {
    services.joinGuard.miss(asker.address, asker.client, services.clock.getAsLong());
    answer.refuse(pass == JoinGuard.Pass.PROVE ? tooMany() : unknown());
  }

  /** Whether the join's resume token or key is right for {@code s}. */
  private static boolean proven(Session s, Inbound.Join j) {
    if (j.resume() != null) return byResumeToken(s, j.resume()) != null;
    return j.key() != null && SessionLookup.opens(s, Secrets.hash(j.key()));
  }

  private static Refusal tooMany() {
    return Refusal.of(Reason.RATE_LIMITED, "Too many attempts to join; wait a minute and try again.");
  }

  private static Refusal unknown() {
    return Refusal.of(Reason.UNKNOWN_SESSION, "There is no session with that code.");
  }

  /** The member (not removed) whose resume token this is, or null. */
  static Member byResumeToken(Session s, String token) {
    String hash = Secrets.hash(token);
    for (Member m : s.members.values()) {
      if (!m.removed && Secrets.sameHash(hash, m.resumeHash)) return m;
    }
    return null;
  }

  /** Takes back the presence a join recorded: the socket closed (or closed while joining). */
  void leave(String code, String memberId, String displayId) {
    boolean display = displayId != null;
    Command c = display ? new Command.DisplayLeave(services.config.node().id(), displayId)
        : new Command.Disconnect(services.config.node().id());
    Action action = new Action(display ? null : memberId, null, c);
    services.store.update(code, s -> Rules.apply(s, action, services.context()))
        .onFailure(e -> LOG.debug("presence update failed: {}", e.getClass().getSimpleName())); // its message may name the session
  }
}
