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
 * at a time), close. Joining is {@link JoinFlow}'s, what the socket has been shown of its session
 * {@link SessionFeed}'s, writing {@link SocketWriter}'s, the size limit {@link FrameSizeGuard}'s.
 * Runs on the socket's event loop only.
 */
final class Connection implements JoinFlow.Seat, CommandQueue.Handler {
  private enum Phase { NEW, MEMBER, DISPLAY, CLOSED }

  private final SocketWriter out;
  private final Services services;
  private final SessionHub hub;
  private final JoinFlow joins;
  private final CommandQueue commands;

  private Phase phase = Phase.NEW;
  /** The session joined on this socket; null before the join and after a leave. */
  private LocalSession local;
  /** Null for a display. */
  private String memberId;
  /** What this socket has been shown of its session; null while not joined. */
  private SessionFeed feed;
  /** The answer deadline of the command in flight (there is one at a time). */
  private AnswerDeadline answering;
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
    this.out = new SocketWriter(ws, services.config.sessions().limits().frameBytes(), services.metrics, () -> phase = Phase.CLOSED);
    this.commands = new CommandQueue(this, services.config.sessions().limits().commandsPerSecond(), services.clock, services.metrics, services.deadlines);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> refuse(null, Reason.BAD_REQUEST, "Binary frames are not accepted; send JSON text."));
    FrameSizeGuard.watch(ws, out, services.config.sessions().limits().frameBytes());
    ws.closeHandler(v -> onClose());
    services.metrics.openSockets.incrementAndGet();
  }

  /** The keep-alive ping: the client's pong shows it is still there. */
  void ping() {
    out.ping();
  }

  private void onText(String text) {
    if (phase != Phase.CLOSED) commands.offer(services.decoder.decode(text));
  }

  @Override
  public boolean closed() {
    return phase == Phase.CLOSED;
  }

  @Override
  public Future<Void> handle(Inbound in, AnswerDeadline deadline) {
    answering = deadline;
    inFlight = true;
    if (!needsStore(in)) deadline.claim(); // answered right here
    services.metrics.command(in.type());
    if (in instanceof Inbound.Rejection r) {
      refuse(r.id(), r.refusal());
    } else if (phase == Phase.NEW) {
      if (in instanceof Inbound.Join j) return joins.join(j, client, this);
      refuse(in.id(), Reason.NOT_JOINED, "Join a session first.");
    } else if (in instanceof Inbound.Join) {
      refuse(in.id(), Reason.BAD_REQUEST, "Already joined on this connection.");
    } else if (in instanceof Inbound.Ping p) {
      out.send(Frames.pong(p.t(), services.clock.getAsLong()));
    } else if (in instanceof Inbound.Sync s) {
      return sync(s.id());
    } else if (in instanceof Inbound.Do d) {
      if (phase == Phase.DISPLAY) refuse(d.id(), Reason.FORBIDDEN, "A display is read-only.");
      else if (d.command() instanceof Command.Request) return request(d);
      else return apply(d);
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
    phase = Phase.CLOSED;
    if (inFlight) closing = reason;
    else end(reason);
  }

  private void end(CloseReason reason) {
    closing = null;
    out.send(Frames.closed(reason));
    out.close(reason);
  }

  /** Whether {@link #handle} answers {@code in} only once the store has. */
  private boolean needsStore(Inbound in) {
    if (in instanceof Inbound.Join) return phase == Phase.NEW;
    if (in instanceof Inbound.Sync) return phase != Phase.NEW;
    return in instanceof Inbound.Do && phase == Phase.MEMBER;
  }

  private void joinedOrGone() {
    if (unjoined) services.unjoinedSockets.done(client);
    unjoined = false;
  }

  @Override
  public boolean waiting() {
    return !answering.passed();
  }

  @Override
  public void refused(String id, Refusal refusal) {
    if (answering.claim()) refuse(id, refusal);
  }

  @Override
  public boolean seat(LocalSession ls, Session joined, String id, String resume, boolean display) {
    // Told unavailable meanwhile, or the socket went while the join was in flight: take it back.
    if (!answering.claim() || phase == Phase.CLOSED) {
      joins.leave(ls.code, id, display);
      return false;
    }
    joinedOrGone();
    Session newest = ls.observe(joined); // may be newer than the join: a welcome's v need only include it
    local = ls;
    memberId = id;
    phase = display ? Phase.DISPLAY : Phase.MEMBER;
    (display ? services.metrics.displayConnections : services.metrics.memberConnections).incrementAndGet();
    ls.connections.add(this);
    services.joinedSockets.joined(client, ls.code, id);
    feed = new SessionFeed(out, hub.acks, newest, id, resume, services.clock.getAsLong(), this::over);
    return true;
  }

  private Future<Void> apply(Inbound.Do d) {
    boolean facilitator = facilitator();
    String member = memberId;
    LocalSession ls = local;
    if (!ls.budget.tryTake(member, facilitator, services.clock.getAsLong())) {
      refused(d.id(), Refusal.of(Reason.RATE_LIMITED, "Too many changes in this session; wait a moment."));
      return Future.succeededFuture();
    }
    Action action = new Action(memberId, d.id(), d.command());
    return services.store.update(local.code, s -> Rules.apply(s, action, services.context()))
        .map(u -> {
          // Every socket of the session carries the state this change made: the change pays for it.
          if (u.outcome() instanceof Outcome.Applied) {
            ls.budget.paid(member, facilitator, services.known.frame(u.current()).length, services.clock.getAsLong());
          }
          // Past the deadline the client was told unavailable and syncs before it retries.
          if (answering.claim()) answer(d, u);
          return null;
        });
  }

  /** Whether this socket's member holds the facilitator role in the newest version this node knows. */
  private boolean facilitator() {
    Session s = services.known.latest(local.code);
    app.roundtable.domain.Member m = s == null || memberId == null ? null : s.member(memberId);
    return m != null && m.facilitator;
  }

  /** A request ({@link Requests}): its own answer to this socket instead of an ack. */
  private Future<Void> request(Inbound.Do d) {
    return services.requests.answer(local.code, memberId, d, linkBase).map(a -> {
      if (!answering.claim()) return null;
      if (a.refusal() != null) refuse(d.id(), a.refusal());
      else feed.sendWhenSent(a.frame(), a.version());
      return null;
    });
  }

  private void answer(Inbound.Do d, Update u) {
    Outcome o = u.outcome();
    if (o instanceof Outcome.Refused r) {
      refuse(d.id(), r.refusal());
      return;
    }
    long v = o instanceof Outcome.Duplicate dup ? dup.version() : u.current().version;
    if (o instanceof Outcome.Applied && d.command() instanceof Command.SetSchedule) services.followUps.moved(u.current());
    if (o instanceof Outcome.Applied && d.command() instanceof Command.Leave) {
      // No more states come to this socket once it left, so its ack cannot wait for one.
      if (d.id() != null) out.send(Frames.ack(d.id(), v));
      detach();
    } else if (d.id() != null) {
      feed.ackWhenSent(d.id(), v);
    }
  }

  private Future<Void> sync(String id) {
    // A sync fetches the whole state for this socket alone: paid from the member's byte budget
    // (a display's syncs are bounded by its command rate: it makes no changes).
    Session newest = services.known.latest(local.code);
    if (memberId != null && newest != null
        && !local.budget.trySync(memberId, services.known.frame(newest).length, services.clock.getAsLong())) {
      refused(id, Refusal.of(Reason.RATE_LIMITED, "Too many syncs; wait a moment."));
      return Future.succeededFuture();
    }
    return services.store.load(local.code).map(read -> {
      if (!answering.claim()) return null;
      if (read == null) {
        refuse(id, Reason.UNKNOWN_SESSION, "This session no longer exists.");
      } else if (!feed.sync(local.observe(read), id)) { // the newest: a delivery may have overtaken the read
        phase = Phase.CLOSED;
      }
      return null;
    });
  }

  /**
   * A new version of the session. Returns false when this connection is done with the session
   * (closed, removed, ended, or left) and should be dropped from it.
   */
  boolean deliver(Delivery d) {
    if (phase != Phase.MEMBER && phase != Phase.DISPLAY) return false;
    if (feed.deliver(d)) return true;
    phase = Phase.CLOSED;
    return false;
  }

  @Override
  public void refuse(String id, Refusal refusal) {
    services.metrics.error(Wire.code(refusal.reason()));
    out.send(Frames.error(id, refusal));
  }

  private void refuse(String id, Reason reason, String message) {
    refuse(id, Refusal.of(reason, message));
  }

  /** Close for a node drain: the client resumes on another node. */
  void goingAway() {
    out.close(CloseReason.GOING_AWAY);
  }

  private void onClose() {
    joinedOrGone();
    services.metrics.openSockets.decrementAndGet();
    phase = Phase.CLOSED;
    if (feed != null) hub.acks.forget(feed);
    // Joined until now, whatever the phase says: a server-side close (slow consumer, ended,
    // removed) marks the phase CLOSED early, and the presence must still be taken back.
    if (local != null) {
      boolean display = memberId == null;
      (display ? services.metrics.displayConnections : services.metrics.memberConnections).decrementAndGet();
      joins.leave(local.code, memberId, display);
      local.connections.remove(this);
      services.joinedSockets.gone(client, local.code, memberId);
      hub.release(local);
    }
  }

  /** The member left on purpose: no longer part of the session on this socket. */
  private void detach() {
    if (local == null) return;
    services.metrics.memberConnections.decrementAndGet();
    local.connections.remove(this);
    services.joinedSockets.gone(client, local.code, memberId);
    hub.release(local);
    local = null;
    memberId = null;
    feed = null;
    phase = Phase.NEW;
    // Unjoined again: it counts against its client's bound like a new socket, or goes.
    unjoined = services.unjoinedSockets.open(client);
    if (!unjoined) out.close(CloseReason.TOO_MANY_UNJOINED);
  }
}
