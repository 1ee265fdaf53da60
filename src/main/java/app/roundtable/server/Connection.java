package app.roundtable.server;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Member;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.protocol.Frames;
import app.roundtable.protocol.Inbound;
import app.roundtable.protocol.YouView;
import app.roundtable.store.SessionStore.Update;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.UnknownSessionException;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.internal.http.WebSocketInternal;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket: its join state, its commands (handled one at a time, in arrival order), and what
 * it has been sent. Runs on the socket's event loop only.
 */
final class Connection {
  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  /** Commands waiting behind the one in flight; beyond this the client is flooding. */
  private static final int MAX_QUEUED = 32;

  private enum Phase { NEW, MEMBER, DISPLAY, CLOSED }

  private final ServerWebSocket ws;
  /** The socket's Netty handler context: our text messages are written here, ready-framed. */
  private final ChannelHandlerContext netty;
  /** TLS terminates at the node (not our deployment, where the gateway does it): frames must pass the SslHandler. */
  private final boolean encrypted;
  private final Services services;
  private final SessionHub hub;
  private final RateLimiter rate;
  /** Small: a person sends a command now and then; grows only for a burst. */
  private final ArrayDeque<Queued> queue = new ArrayDeque<>(2);

  /** A command waiting its turn, and the clock of its answer, running from its arrival. */
  private record Queued(Inbound in, AnswerDeadline deadline) {}
  private boolean busy;

  private Phase phase = Phase.NEW;
  private LocalSession local;
  private String memberId;
  /** Highest version this connection has been sent (welcome, state or sync). */
  private long sentVersion = -1;
  /** The private view last sent, to send {@code you} only when it changed. */
  /** 64-bit hash of the private view last sent (not the text: idle connections stay small). */
  private long lastYou;
  /** Fingerprint of the private view at the last delivery; the view is rewritten only when it moves. */
  private long lastYouSignature = Long.MIN_VALUE;
  /** Acks for versions this connection has not been sent yet: they follow their state. */
  private final List<long[]> parkedVersions = new ArrayList<>();
  private final List<String> parkedIds = new ArrayList<>();

  /** The client's address as the limits count it ({@link ClientAddress}). */
  private final String client;
  /** Whether this socket still counts against its client's unjoined sockets. */
  private boolean unjoined = true;

  Connection(ServerWebSocket ws, Services services, SessionHub hub, String client) {
    this.ws = ws;
    this.client = client;
    this.netty = ((WebSocketInternal) ws).channelHandlerContext();
    this.encrypted = netty.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
    this.services = services;
    this.hub = hub;
    this.rate = new RateLimiter(services.config.limits().commandsPerSecond(),
        services.config.limits().commandsPerSecond(), services.clock.getAsLong());
    ws.setWriteQueueMaxSize(MAX_UNSENT_BYTES);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> refuse(null, Reason.BAD_REQUEST, "Binary frames are not accepted; send JSON text."));
    ws.frameHandler(this::countMessageBytes);
    ws.exceptionHandler(this::onSocketError);
    ws.closeHandler(v -> onClose());
    services.metrics.openSockets.incrementAndGet();
  }

  /** Bytes a client may leave unread before it is disconnected (it stopped reading). */
  static final int MAX_UNSENT_BYTES = 1 << 20;

  private String ip() {
    return client;
  }

  private void joinedOrGone() {
    if (unjoined) services.unjoinedSockets.done(client);
    unjoined = false;
  }

  ServerWebSocket socket() {
    return ws;
  }

  // --- inbound ------------------------------------------------------------------------------

  /**
   * Bytes of the message being received so far. Vert.x's own message limit only reports an
   * over-size message to the exception handler and keeps the socket; the contract closes it.
   */
  private int messageBytes;

  private void countMessageBytes(WebSocketFrame f) {
    if (f.isClose() || f.type() == WebSocketFrameType.PING || f.type() == WebSocketFrameType.PONG) return;
    messageBytes = (f.isContinuation() ? messageBytes : 0) + f.binaryData().length();
    if (messageBytes > services.config.limits().frameBytes()) tooBig();
    if (f.isFinal()) messageBytes = 0;
  }

  /**
   * A frame over the size limit fails in Netty's decoder; Vert.x reports it here and then drops the
   * TCP connection without a close frame. Send the close frame the contract promises first.
   */
  private void onSocketError(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException c
        && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
      tooBig();
    } else {
      LOG.log(System.Logger.Level.DEBUG, "socket error: {0}", e.toString());
    }
  }

  private void tooBig() {
    if (ws.isClosed()) return;
    ws.close((short) WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
        "Frames are limited to " + services.config.limits().frameBytes() + " bytes.");
  }

  private void onText(String text) {
    if (phase == Phase.CLOSED) return;
    Inbound in = services.decoder.decode(text);
    if (!rate.tryTake(services.clock.getAsLong())) {
      services.metrics.command(null);
      refuse(in.id(), Reason.RATE_LIMITED, "Too many commands; at most "
          + services.config.limits().commandsPerSecond() + " per second.");
      return;
    }
    if (queue.size() >= MAX_QUEUED) {
      refuse(in.id(), Reason.RATE_LIMITED, "Too many commands waiting; slow down.");
      return;
    }
    queue.add(new Queued(in, AnswerDeadline.start(() -> unavailable(in.id()))));
    pump();
  }

  private void pump() {
    while (!busy && !queue.isEmpty() && phase != Phase.CLOSED) {
      Queued q = queue.poll();
      Inbound in = q.in();
      busy = true;
      Future<Void> done;
      try {
        done = handle(in, q.deadline());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "command failed", e);
        if (q.deadline().claim()) refuse(in.id(), Reason.INTERNAL, "Something went wrong on the server.");
        done = Future.succeededFuture();
      }
      done.onComplete(ar -> {
        busy = false;
        pump();
      });
      if (busy) return;
    }
  }

  private Future<Void> handle(Inbound in, AnswerDeadline deadline) {
    // Waited past its deadline behind a command the store did not answer: it was refused as
    // unavailable then, so it never runs.
    if (deadline.passed()) return Future.succeededFuture();
    if (!needsStore(in)) deadline.claim(); // answered right here
    if (in instanceof Inbound.Rejection r) {
      services.metrics.command(r.type());
      refuse(r.id(), r.refusal());
      return Future.succeededFuture();
    }
    if (phase == Phase.NEW) {
      if (in instanceof Inbound.Join j) return join(j, deadline);
      services.metrics.command(typeOf(in));
      refuse(in.id(), Reason.NOT_JOINED, "Join a session first.");
      return Future.succeededFuture();
    }
    services.metrics.command(typeOf(in));
    if (in instanceof Inbound.Join) {
      refuse(in.id(), Reason.BAD_REQUEST, "Already joined on this connection.");
    } else if (in instanceof Inbound.Ping p) {
      send(Frames.pong(p.t(), services.clock.getAsLong()));
    } else if (in instanceof Inbound.Sync s) {
      return sync(s.id(), deadline);
    } else if (in instanceof Inbound.Do d) {
      if (phase == Phase.DISPLAY) {
        refuse(d.id(), Reason.FORBIDDEN, "A display is read-only.");
      } else {
        return apply(d, deadline);
      }
    }
    return Future.succeededFuture();
  }

  /** Whether {@link #handle} answers {@code in} only once the store has. */
  private boolean needsStore(Inbound in) {
    if (in instanceof Inbound.Join) return phase == Phase.NEW;
    if (in instanceof Inbound.Sync) return phase != Phase.NEW;
    return in instanceof Inbound.Do && phase == Phase.MEMBER;
  }

  private static String typeOf(Inbound in) {
    if (in instanceof Inbound.Join) return "join";
    if (in instanceof Inbound.Ping) return "ping";
    if (in instanceof Inbound.Sync) return "sync";
    if (in instanceof Inbound.Do d) return d.type();
    return null;
  }

  // --- join ---------------------------------------------------------------------------------

  private Future<Void> join(Inbound.Join j, AnswerDeadline deadline) {
    services.metrics.command("join");
    long started = System.nanoTime();
    long now = services.clock.getAsLong();
    String ip = ip();
    if (!services.joinGuard.allow(ip, now)) {
      deadline.claim();
      refuse(j.id(), Reason.RATE_LIMITED, "Too many attempts to join; wait a minute and try again.");
      return Future.succeededFuture();
    }
    String code = SessionCodes.normalise(j.code());
    if (code == null) {
      services.joinGuard.miss(ip, now);
      deadline.claim();
      refuse(j.id(), Reason.UNKNOWN_SESSION, "There is no session with that code.");
      return Future.succeededFuture();
    }
    return hub.open(code).compose(ls -> joinLoaded(j, ls, started, deadline)
        .onComplete(ar -> hub.settle(ls)))
        .recover(e -> storeFailure(deadline, j.id(), e))
        .mapEmpty();
  }

  private Future<Void> joinLoaded(Inbound.Join j, LocalSession ls, long started, AnswerDeadline deadline) {
    return services.store.load(ls.code).compose(s -> {
      if (deadline.passed()) return Future.succeededFuture(); // told unavailable: nothing was done
      if (s == null) {
        services.joinGuard.miss(ip(), services.clock.getAsLong());
        deadline.claim();
        refuse(j.id(), Reason.UNKNOWN_SESSION, "There is no session with that code.");
        return Future.succeededFuture();
      }
      if (s.isEnded()) {
        deadline.claim();
        refuse(j.id(), Reason.SESSION_ENDED, "This session has ended.");
        return Future.succeededFuture();
      }
      String token = null;
      String id;
      Command command;
      String nodeId = services.config.nodeId();
      if (j.display()) {
        id = null;
        command = new Command.DisplayJoin(nodeId);
      } else if (j.resume() != null) {
        Member m = byResumeToken(s, j.resume());
        if (m == null) {
          deadline.claim();
          refuse(j.id(), Reason.NOT_FOUND, "That membership is unknown or was removed; join with your name.");
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
            if (!deadline.claim()) {
              // Told unavailable, yet the join landed: take its presence back.
              if (u.outcome() instanceof Outcome.Applied) undoPresence(ls.code, id, j.display());
              return null;
            }
            if (u.outcome() instanceof Outcome.Refused r) {
              refuse(j.id(), r.refusal());
            } else {
              welcome(ls, u.current(), id, resume, j.display());
              services.metrics.joinToWelcome(System.nanoTime() - started);
            }
            return null;
          });
    });
  }

  private static Member byResumeToken(Session s, String token) {
    String hash = Secrets.hash(token);
    for (Member m : s.members.values()) {
      if (!m.removed && Secrets.sameHash(hash, m.resumeHash)) return m;
    }
    return null;
  }

  private void welcome(LocalSession ls, Session joined, String id, String resume, boolean display) {
    if (phase == Phase.CLOSED) {
      // The socket went while the join was in flight: take the presence back.
      undoPresence(ls.code, id, display);
      return;
    }
    joinedOrGone();
    ls.observe(joined);
    Session s = ls.latest;
    local = ls;
    memberId = id;
    phase = display ? Phase.DISPLAY : Phase.MEMBER;
    (display ? services.metrics.displayConnections : services.metrics.memberConnections).incrementAndGet();
    ls.connections.add(this);
    sentVersion = s.version;
    String you = display ? null : YouView.json(s, id);
    lastYou = you == null ? 0 : hash(you);
    send(Frames.welcome(s, id, resume, services.clock.getAsLong(), you));
  }

  // --- commands -----------------------------------------------------------------------------

  private Future<Void> apply(Inbound.Do d, AnswerDeadline deadline) {
    if (!local.budget.tryTake(memberId, services.clock.getAsLong())) {
      deadline.claim();
      refuse(d.id(), Reason.RATE_LIMITED, "Too many changes in this session; wait a moment.");
      return Future.succeededFuture();
    }
    Action action = new Action(memberId, d.id(), d.command());
    return services.store.update(local.code, s -> Rules.apply(s, action, services.context()))
        .map(u -> {
          // Past the deadline the client was told unavailable and syncs before it retries.
          if (deadline.claim()) answer(d, u);
          return (Void) null;
        })
        .recover(e -> storeFailure(deadline, d.id(), e));
  }

  private void answer(Inbound.Do d, Update u) {
    Outcome o = u.outcome();
    if (o instanceof Outcome.Refused r) {
      refuse(d.id(), r.refusal());
      return;
    }
    long v = o instanceof Outcome.Duplicate dup ? dup.version() : u.current().version;
    if (o instanceof Outcome.Applied && d.command() instanceof Command.Leave) {
      // No more states come to this socket once it left, so its ack cannot wait for one.
      if (d.id() != null) send(Frames.ack(d.id(), v));
      detach();
      return;
    }
    ack(d.id(), v);
  }

  private Future<Void> sync(String id, AnswerDeadline deadline) {
    return services.store.load(local.code).map(read -> {
      if (!deadline.claim()) return (Void) null;
      if (read == null) {
        refuse(id, Reason.UNKNOWN_SESSION, "This session no longer exists.");
        return (Void) null;
      }
      local.observe(read);
      // A delivery may have overtaken the read: answer with the newest, never below what was sent.
      Session s = local.latest;
      sentVersion = Math.max(sentVersion, s.version);
      send(Frames.state(s));
      if (phase == Phase.MEMBER) {
        String you = LocalSession.youOf(s, memberId, new java.util.HashMap<>());
        if (!you.isEmpty()) {
          send(Frames.you(s.version, you));
          lastYou = hash(you);
        }
      }
      if (id != null) send(Frames.ack(id, s.version));
      flushAcks();
      closeIfOver(s);
      return (Void) null;
    }).recover(e -> storeFailure(deadline, id, e));
  }

  /** The store failed command {@code id}: the refusal carries the id, unless the deadline already answered. */
  private Future<Void> storeFailure(AnswerDeadline deadline, String id, Throwable e) {
    if (!deadline.claim()) return Future.succeededFuture();
    if (e instanceof StoreUnavailableException) {
      unavailable(id);
    } else if (e instanceof UnknownSessionException) {
      refuse(id, Reason.UNKNOWN_SESSION, "This session no longer exists.");
    } else {
      LOG.log(System.Logger.Level.ERROR, "command failed", e);
      refuse(id, Reason.INTERNAL, "Something went wrong on the server.");
    }
    return Future.succeededFuture();
  }

  private void unavailable(String id) {
    refuse(id, Reason.UNAVAILABLE, "The server cannot reach its storage; try again in a moment.");
  }

  // --- outbound -----------------------------------------------------------------------------

  /**
   * A new version of the session. Returns false when this connection is done with the session
   * (closed, removed, ended, or left) and should be dropped from it.
   */
  boolean deliver(Session s, ByteBuf encodedState, Map<String, String> yous, Map<String, Long> authored) {
    if (phase != Phase.MEMBER && phase != Phase.DISPLAY) return false;
    if (s.version <= sentVersion) return true; // its welcome or a sync already showed it this or newer
    sentVersion = s.version;
    corked = true;
    try {
      return deliverCorked(s, encodedState, yous, authored);
    } finally {
      corked = false;
      ChannelHandlerContext head = head();
      if (head != null) head.flush();
    }
  }

  private boolean deliverCorked(Session s, ByteBuf encodedState, Map<String, String> yous, Map<String, Long> authored) {
    sendShared(encodedState);
    if (phase == Phase.MEMBER) {
      long signature = LocalSession.youSignature(s, memberId, authored);
      if (signature != lastYouSignature) {
        lastYouSignature = signature;
        String you = LocalSession.youOf(s, memberId, yous);
        long youHash = you.isEmpty() ? lastYou : hash(you);
        if (youHash != lastYou) {
          lastYou = youHash;
          send(Frames.you(s.version, you));
        }
      }
    }
    flushAcks();
    return !closeIfOver(s);
  }

  /** Sends {@code closed} and closes when the session ended or this member was removed. */
  private boolean closeIfOver(Session s) {
    String reason = null;
    if (s.isEnded()) reason = "ended";
    else if (phase == Phase.MEMBER && s.member(memberId) == null) reason = "removed";
    if (reason == null) return false;
    send(Frames.closed(reason));
    phase = Phase.CLOSED;
    ws.close((short) 1000, reason);
    return true;
  }

  private void ack(String id, long v) {
    if (id == null) return;
    if (v <= sentVersion) {
      send(Frames.ack(id, v));
    } else {
      parkedIds.add(id);
      parkedVersions.add(new long[] {v, services.clock.getAsLong()});
      hub.withParkedAcks.add(this);
    }
  }

  /** Sends parked acks whose version was sent, or that waited too long (a lost publish). */
  void flushAcks() {
    if (parkedIds.isEmpty()) return;
    long now = services.clock.getAsLong();
    for (int i = 0; i < parkedIds.size(); i++) {
      long[] pv = parkedVersions.get(i);
      if (pv[0] <= sentVersion || now - pv[1] > 2000) {
        send(Frames.ack(parkedIds.get(i), pv[0]));
        parkedIds.remove(i);
        parkedVersions.remove(i);
        i--;
      }
    }
    if (parkedIds.isEmpty()) hub.withParkedAcks.remove(this);
  }

  private void refuse(String id, Reason reason, String message) {
    refuse(id, Refusal.of(reason, message));
  }

  private void refuse(String id, Refusal refusal) {
    services.metrics.error(app.roundtable.protocol.Wire.code(refusal.reason()));
    send(Frames.error(id, refusal));
  }

  /** Sends one text message: framed here and written straight to the socket (see {@link #writeWire}). */
  void send(String text) {
    if (!writable()) return;
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int max = services.config.limits().frameBytes();
    ByteBuf wire = netty.alloc().directBuffer(WireFrames.size(utf8.length, max));
    WireFrames.writeText(wire, utf8, max);
    writeWire(wire);
  }

  /**
   * Sends a message already framed for the wire ({@link WireFrames}) and shared by every connection
   * of the session: this writes a retained duplicate, the caller keeps its own reference.
   */
  void sendShared(ByteBuf wire) {
    if (!writable()) return;
    writeWire(wire.retainedDuplicate());
  }

  /**
   * Our text messages bypass Vert.x's per-message path (its queue, frame object, encoder pass and
   * write promise: about a tenth of the CPU per delivered frame in the profile) and the pipeline's
   * handlers (the encoders only pass bytes on; the idle handler wraps every write in a promise
   * with a listener), and go straight to the channel's head as ready-made frames. Every text
   * message of this connection goes this way, on its event loop, so they keep their order; the
   * pings and the close frame Vert.x writes are queued behind what is already written. Idleness is
   * judged on what the client sends (its pongs), which this does not touch. While
   * {@link #corked}, writes wait for one flush (one syscall).
   */
  private void writeWire(ByteBuf wire) {
    ChannelHandlerContext head = head();
    if (head == null) { // the pipeline is being torn down
      wire.release();
      return;
    }
    if (corked) head.write(wire, head.voidPromise());
    else head.writeAndFlush(wire, head.voidPromise());
  }

  /** Where our frames enter the pipeline: at its head, unless a TLS handler must encrypt them. */
  private ChannelHandlerContext head() {
    return encrypted ? netty : netty.pipeline().firstContext();
  }

  /** Writes of one delivery (state, private view, acks) go out in one flush. */
  private boolean corked;

  /** False when closed; drops a client that stopped reading (1 MiB unsent) rather than buffer for it. */
  private boolean writable() {
    if (ws.isClosed()) return false;
    io.netty.channel.ChannelOutboundBuffer unsent = netty.channel().unsafe().outboundBuffer();
    if (unsent == null) return false; // the channel is closing
    if (unsent.totalPendingWriteBytes() > MAX_UNSENT_BYTES) {
      // It stopped reading: drop it rather than buffer for it; the others never wait. A close
      // frame would queue behind the full buffer and the socket would linger until the idle
      // timeout, the member showing online meanwhile: reset the TCP connection now instead, so
      // the close handler marks the member offline at once.
      services.metrics.slowConsumer();
      phase = Phase.CLOSED;
      netty.channel().config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
      // At the transport, past the pipeline: a close through it would wait to flush the buffer.
      netty.channel().unsafe().close(netty.channel().voidPromise());
      return false;
    }
    return true;
  }

  /** FNV-1a, 64 bits: tells two successive private views of one member apart. */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  // --- end of life --------------------------------------------------------------------------

  /** Close for a node drain: the client resumes on another node. */
  void goingAway() {
    if (!ws.isClosed()) ws.close((short) 1001, "server restarting");
  }

  private void onClose() {
    joinedOrGone();
    services.metrics.openSockets.decrementAndGet();
    phase = Phase.CLOSED;
    hub.withParkedAcks.remove(this);
    // Joined until now, whatever the phase says: a server-side close (slow consumer, ended,
    // removed) marks the phase CLOSED early, and the presence must still be taken back.
    if (local != null) {
      boolean display = memberId == null;
      (display ? services.metrics.displayConnections : services.metrics.memberConnections).decrementAndGet();
      undoPresence(local.code, memberId, display);
      local.connections.remove(this);
      hub.release(local);
    }
  }

  /** The member left on purpose: no longer part of the session on this socket. */
  private void detach() {
    if (local == null) return;
    services.metrics.memberConnections.decrementAndGet();
    local.connections.remove(this);
    hub.release(local);
    local = null;
    memberId = null;
    phase = Phase.NEW;
    sentVersion = -1;
    lastYou = 0;
    lastYouSignature = Long.MIN_VALUE;
    // Unjoined again: it counts against its client's bound like a new socket, or goes.
    unjoined = services.unjoinedSockets.open(client);
    if (!unjoined) ws.close((short) 1008, "Too many open connections that have not joined a session.");
  }

  private void undoPresence(String code, String id, boolean display) {
    Command c = display ? new Command.DisplayLeave(services.config.nodeId())
        : new Command.Disconnect(services.config.nodeId());
    Action action = new Action(display ? null : id, null, c);
    services.store.update(code, s -> Rules.apply(s, action, services.context()))
        .onFailure(e -> LOG.log(System.Logger.Level.DEBUG, "presence update failed: {0}", e.toString()));
  }
}
