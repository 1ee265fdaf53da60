package app.roundtable.server;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.protocol.CloseReason;
import app.roundtable.protocol.Frames;
import app.roundtable.protocol.Inbound;
import app.roundtable.protocol.Wire;
import app.roundtable.store.SessionStore.Update;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;

/**
 * One WebSocket's life: open, its commands (queued by its {@link CommandQueue}, handled here one
 * at a time, each answered through its {@link Answer}), close. Joining is {@link JoinFlow}'s, what
 * the socket has been shown of its session {@link SessionFeed}'s, writing {@link SocketWriter}'s,
 * the size limit {@link FrameSizeGuard}'s. Runs on the socket's event loop only.
 */
final class Connection implements JoinFlow.Seat, CommandQueue.Handler {
  /**
   * This socket's place in a session.
   *
   * @param session the loop's copy of the session joined
   * @param memberId null for a display
   * @param displayId null for a member
   * @param feed what this socket has been shown of the session
   */
  private record Membership(LocalSession session, String memberId, String displayId, SessionFeed feed) {
    boolean display() {
      return memberId == null;
    }
  }

  private final SocketWriter out;
  private final Services services;
  private final SessionHub hub;
  private final JoinFlow joins;
  private final CommandQueue commands;

  /** Null before the join and after a leave; kept through a server-side close until the socket's close. */
  private Membership membership;
  /** Closed, or being closed by the server: no more commands run and no more versions go out. */
  private boolean closed;
  /** The client's address as the limits count it ({@link ClientAddress}). */
  private final String client;
  /** Whether this socket still counts against its client's unjoined sockets. */
  private boolean unjoined = true;
  /** Where links made on this socket point (a follow-up's): as its upgrade request reached us. */
  private final String linkBase;
  /** A command is being handled: a close for the session's end waits until it is answered. */
  private boolean inFlight;
  /** Why the socket closes once the command in flight is answered; null while nothing waits. */
  private CloseReason closing;

  Connection(ServerWebSocket ws, Services services, SessionHub hub, JoinFlow joins, String client, String linkBase) {
    this.client = client;
    this.linkBase = linkBase;
    this.services = services;
    this.hub = hub;
    this.joins = joins;
    int frameBytes = services.config.sessions().limits().frameBytes();
    this.out = new SocketWriter(ws, frameBytes, services.metrics, () -> closed = true);
    this.commands = new CommandQueue(this, services.config.sessions().limits().commandsPerSecond(), services.clock,
        services.metrics, services.deadlines);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> refuse(null, Refusal.of(Reason.BAD_REQUEST, "Binary frames are not accepted; send JSON text.")));
    FrameSizeGuard.watch(ws, out, frameBytes);
    ws.closeHandler(v -> onClose());
    services.metrics.openSockets.incrementAndGet();
  }

  /** The keep-alive ping: the client's pong shows it is still there. */
  void ping() {
    out.ping();
  }

  private void onText(String text) {
    if (!closed) commands.offer(services.decoder.decode(text));
  }

  @Override
  public boolean closed() {
    return closed;
  }

  @Override
  public Future<Void> handle(Inbound in, Answer answer) {
    inFlight = true;
    services.metrics.command(in.type());
    if (in instanceof Inbound.Rejection r) {
      answer.refuse(r.refusal());
    } else if (membership == null) {
      if (in instanceof Inbound.Join j) return joins.join(j, client, this, answer);
      answer.refuse(Refusal.of(Reason.NOT_JOINED, "Join a session first."));
    } else if (in instanceof Inbound.Join) {
      answer.refuse(Refusal.of(Reason.BAD_REQUEST, "Already joined on this connection."));
    } else if (in instanceof Inbound.Ping p) {
      answer.give(() -> out.send(Frames.pong(p.t(), services.clock.getAsLong())));
    } else if (in instanceof Inbound.Sync) {
      return sync(answer);
    } else if (in instanceof Inbound.Do d) {
      if (membership.display()) answer.refuse(Refusal.of(Reason.FORBIDDEN, "A display is read-only."));
      else if (d.command() instanceof Command.Request) return request(d, answer);
      else return apply(d, answer);
    }
    return Future.succeededFuture();
  }

  @Override
  public void settled() {
    inFlight = false;
    if (closing != null) end(closing);
  }

  /** The session is over for this socket: it closes, after the answer to the command in flight if one is. */
  private void over(CloseReason reason) {
    closed = true;
    if (inFlight) closing = reason;
    else end(reason);
  }

  private void end(CloseReason reason) {
    closing = null;
    if (reason.announced) out.send(Frames.closed(reason));
    out.close(reason);
  }

  private void joinedOrGone() {
    if (unjoined) services.unjoinedSockets.done(client);
    unjoined = false;
  }

  @Override
  public boolean seat(LocalSession ls, Session joined, String id, String displayId, String resume, Answer answer) {
    // Told unavailable meanwhile, or the socket went while the join was in flight: take it back.
    boolean seated = answer.give(() -> {
      if (!closed) membership = welcome(ls, joined, id, displayId, resume);
    });
    if (!seated || closed) joins.leave(ls.code, id, displayId);
    return seated && !closed;
  }

  /** Sends the welcome and joins the loop's copy of the session. */
  private Membership welcome(LocalSession ls, Session joined, String id, String displayId, String resume) {
    joinedOrGone();
    Session newest = ls.observe(joined); // may be newer than the join: a welcome's v need only include it
    (id == null ? services.metrics.displayConnections : services.metrics.memberConnections).incrementAndGet();
    ls.add(this);
    services.joinedSockets.joined(client, ls.code, id);
    SessionFeed feed = new SessionFeed(out, services.store.deliversEveryVersion() ? null : services.deadlines,
        newest, id, displayId, resume, services.clock.getAsLong(), this::over);
    return new Membership(ls, id, displayId, feed);
  }

  private Future<Void> apply(Inbound.Do d, Answer answer) {
    LocalSession session = membership.session();
    String memberId = membership.memberId();
    boolean facilitator = session.facilitator(memberId);
    if (!session.mayChange(memberId, facilitator, services.clock.getAsLong())) {
      answer.refuse(Refusal.of(Reason.RATE_LIMITED, "Too many changes in this session; wait a moment."));
      return Future.succeededFuture();
    }
    Action action = new Action(memberId, d.id(), d.command());
    String code = session.code;
    return services.store.update(code, s -> Rules.apply(s, action, services.context()))
        .compose(u -> {
          if (d.command() instanceof Command.DeleteSession && u.outcome() instanceof Outcome.Unchanged) {
            return deleteSession(code, u, answer);
          }
          // Every socket of the session carries the state this change made: the change pays for it.
          if (u.outcome() instanceof Outcome.Applied) {
            session.changed(memberId, facilitator, session.stateBytes(u.current()), services.clock.getAsLong());
          }
          // Past the deadline the client was told unavailable and syncs before it retries.
          if (answer.owed()) answer(d, u, answer);
          return Future.succeededFuture();
        });
  }

  /**
   * The rules allowed it: the store deletes the session, and every socket of it, this one
   * included, gets {@code closed deleted}; this socket's close waits for the ack ({@link #over}).
   */
  private Future<Void> deleteSession(String code, Update u, Answer answer) {
    return services.store.delete(code).map(deleted -> {
      answer.ack(u.current().version);
      return null;
    });
  }

  /** A request ({@link Requests}): its own answer to this socket instead of an ack. */
  private Future<Void> request(Inbound.Do d, Answer answer) {
    Membership m = membership;
    return services.requests.answer(m.session().code, m.memberId(), d, linkBase).map(a -> {
      if (a.refusal() != null) answer.refuse(a.refusal());
      else answer.give(() -> m.feed().sendWhenSent(a.frame(), a.version()));
      return null;
    });
  }

  /** The session was deleted: {@code closed deleted} (after the answer in flight, if any), and the socket closes. */
  void deleted() {
    if (closed || membership == null) return;
    over(CloseReason.DELETED);
  }

  private void answer(Inbound.Do d, Update u, Answer answer) {
    Outcome o = u.outcome();
    if (o instanceof Outcome.Refused r) {
      answer.refuse(r.refusal());
      return;
    }
    long v = o instanceof Outcome.Duplicate dup ? dup.version() : u.current().version;
    if (o instanceof Outcome.Applied && d.command() instanceof Command.SetSchedule) services.followUps.moved(u.current());
    if (o instanceof Outcome.Applied && d.command() instanceof Command.Leave) {
      // No more states come to this socket once it left, so its ack cannot wait for one.
      answer.give(() -> {
        if (d.id() != null) out.send(Frames.ack(d.id(), v));
      });
      if (leaveSession() != null) becomeUnjoined(); // null: the socket closed while the leave was in flight
    } else {
      answer.ack(v);
    }
  }

  @Override
  public void ack(String id, long version) {
    if (id != null && membership != null) membership.feed().ackWhenSent(id, version);
  }

  private Future<Void> sync(Answer answer) {
    Membership m = membership;
    // A sync fetches the whole state for this socket alone: paid from the member's byte budget
    // (a display's syncs are bounded by its command rate: it makes no changes).
    if (m.memberId() != null && !m.session().maySync(m.memberId(), m.session().stateBytes(), services.clock.getAsLong())) {
      answer.refuse(Refusal.of(Reason.RATE_LIMITED, "Too many syncs; wait a moment."));
      return Future.succeededFuture();
    }
    return services.store.load(m.session().code).map(read -> {
      if (read == null) {
        answer.refuse(Refusal.of(Reason.UNKNOWN_SESSION, "This session no longer exists."));
      } else {
        answer.give(() -> {
          // The newest: a delivery may have overtaken the read.
          if (!m.feed().sync(m.session().observe(read), answer.id)) closed = true;
        });
      }
      return null;
    });
  }

  /**
   * A new version of the session. Returns false when this connection is done with the session
   * (closed, removed, ended, or left) and should be dropped from it.
   */
  boolean deliver(Delivery d) {
    if (closed || membership == null) return false;
    if (membership.feed().deliver(d)) return true;
    closed = true;
    return false;
  }

  @Override
  public void refuse(String id, Refusal refusal) {
    services.metrics.error(Wire.code(refusal.reason()));
    out.send(Frames.error(id, refusal));
  }

  /** Close for a node drain: the client resumes on another node. */
  void goingAway() {
    out.close(CloseReason.GOING_AWAY);
  }

  private void onClose() {
    joinedOrGone();
    services.metrics.openSockets.decrementAndGet();
    closed = true;
    // Joined until now, even when the server closed it (slow consumer, ended, removed): the
    // presence must still be taken back.
    Membership m = leaveSession();
    if (m != null) joins.leave(m.session().code, m.memberId(), m.displayId());
  }

  /** No longer part of its session on this socket (it left, or the socket closed); the membership it had. */
  private Membership leaveSession() {
    Membership m = membership;
    if (m == null) return null;
    membership = null;
    services.joinedSockets.gone(client, m.session().code, m.memberId());
    (m.display() ? services.metrics.displayConnections : services.metrics.memberConnections).decrementAndGet();
    hub.remove(m.session(), this);
    return m;
  }

  /** Left on purpose: it counts against its client's unjoined sockets again like a new socket, or goes. */
  private void becomeUnjoined() {
    unjoined = services.unjoinedSockets.open(client);
    if (!unjoined) out.close(CloseReason.TOO_MANY_UNJOINED);
  }
}
