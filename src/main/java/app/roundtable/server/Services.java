package app.roundtable.server;

import app.roundtable.domain.Context;
import app.roundtable.protocol.FrameDecoder;
import app.roundtable.store.Deadlines;
import app.roundtable.store.SessionStore;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/** What every event loop of one node shares. All members are thread-safe. */
final class Services {
  final Config config;
  final SessionStore store;
  final Metrics metrics;
  final FrameDecoder decoder;
  final JoinGuard joinGuard = new JoinGuard();
  final CreationGuard creationGuard;
  final UnjoinedSockets unjoinedSockets;
  /** Joined sockets per member and per address on this node. */
  final JoinedSockets joinedSockets;
  final SecurityHeaders headers;
  final LongSupplier clock;
  /** Shuffles and idea ids: unpredictable, so neither says anything about who posted when. */
  final SecureRandom random = new SecureRandom();
  final AtomicBoolean draining = new AtomicBoolean();
  final PresenceKeeper presence;
  /** The newest version of each session served here, and its state frame: one per node. */
  final KnownSessions known;
  /** Every command's answer deadline, checked together (see {@link Answer}). */
  final Deadlines deadlines;
  /** Making follow-ups and keeping their earlier sessions in step (HTTP and socket alike). */
  final FollowUps followUps = new FollowUps(this);
  /** The answers to requests: what one connection alone receives (see {@link Requests}). */
  final Requests requests = new Requests(this);

  Services(Config config, SessionStore store, Metrics metrics, FrameDecoder decoder, LongSupplier clock, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.config = config;
    this.store = store;
    this.metrics = metrics;
    this.decoder = decoder;
    this.clock = clock;
    this.known = new KnownSessions(config.sessions().limits().frameBytes(), metrics);
    this.presence = new PresenceKeeper(this, known);
    this.creationGuard = new CreationGuard(config.sessions().edge(), clock.getAsLong());
    this.unjoinedSockets = new UnjoinedSockets(config.sessions().edge().unjoinedSockets());
    this.joinedSockets = new JoinedSockets(config.sessions().room());
    this.headers = new SecurityHeaders(config.http().publicUrl());
  }

  /** Who {@code req} comes from, as every per-client limit counts it (see {@link ClientAddress}). */
  String client(io.vertx.core.http.HttpServerRequest req) {
    ClientAddress c = config.http().clientAddress();
    return c.key(req.remoteAddress() == null ? null : req.remoteAddress().hostAddress(), req.headers().getAll(c.header()));
  }

  Context context() {
    return new Context(clock.getAsLong(), random, config.sessions().limits());
  }
}
