package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import app.roundtable.store.SessionStore.Subscription;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.redis.SubscribedChannel.Listener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * This node's session listeners, fed from one dedicated Redis pub/sub connection: to the one Redis,
 * or in a cluster to one shard's master (with sharded pub/sub; {@link ClusterSubscriptions} decides
 * which shard serves which session).
 *
 * <p>Threading: all state below lives on one private event-loop context ({@link #ctx}); every entry
 * point hops onto it. Each listener is called on the context it subscribed from, in version order
 * (one decision point, then FIFO per context).
 *
 * <p>A channel is subscribed while at least one local listener wants it. Pub/sub drops messages
 * while the connection is down, so when a channel's subscription is (re)confirmed its state is
 * re-read, and listeners get it if it is newer than what they last got. Listeners never get a
 * version at or below their last one; after an outage they may skip versions (clients sync).
 *
 * <p>With sharded pub/sub the server may say a channel is not (or no longer) served here: an error
 * reply ({@code -MOVED}) to its SSUBSCRIBE, or an {@code sunsubscribe} push nobody asked for when its
 * slot migrates away. The channel is then marked dropped and {@code misrouted} is told, so that the
 * owner of the shard map can move its listeners to the right shard; until then the channel is
 * retried here now and then (the error may have been passing, e.g. a failover in progress).
 */
final class RedisSubscriptions implements Subscriptions {
  private static final Logger log = LoggerFactory.getLogger(RedisSubscriptions.class);
  private static final long MIN_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 2_000;

  private final Vertx vertx;
  /** The one context that owns all the fields below. */
  private final ContextInternal ctx;
  /** Makes a client for one pub/sub connection; closing that client is the sure way to drop its socket. */
  private final Supplier<Redis> clients;
  private final RedisCommands commands;
  private final long timeoutMs;

  /** Channels wanted by at least one local listener, by session code. */
  private final Map<String, SubscribedChannel> channels = new HashMap<>();
  /** (Un)subscribe replies still due on the current connection. */
  private final PendingReplies replies = new PendingReplies();
  private final RedisKeys keys;
  /** Told when the server says a wanted channel is not served on this connection. */
  private final Runnable misrouted;
  private long retryTimer = -1;
  /** Null while disconnected. */
  private RedisConnection conn;
  /** The client behind {@link #conn}, or behind the connection attempt in progress. */
  private Redis client;
  private boolean connecting;
  private boolean closed;
  private long backoffMs = MIN_BACKOFF_MS;
  private long reconnectTimer = -1;
  private long healthTimer = -1;

  /** Turns published or read bytes into a session, reusing this node's own object when it has it. */
  private final java.util.function.BiFunction<String, byte[], Session> decoder;

  RedisSubscriptions(Vertx vertx, Supplier<Redis> clients, RedisCommands commands,
      java.util.function.BiFunction<String, byte[], Session> decoder, RedisKeys keys, Runnable misrouted) {
    this.decoder = decoder;
    this.keys = keys;
    this.misrouted = misrouted;
    this.vertx = vertx;
    this.ctx = ((VertxInternal) vertx).createEventLoopContext();
    this.clients = clients;
    this.commands = commands;
    this.timeoutMs = commands.timeoutMs();
  }

  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> consumer) {
    ContextInternal caller = ((VertxInternal) vertx).getOrCreateContext();
    Promise<Subscription> subscribed = caller.promise();
    Listener l = new Listener(code, caller, consumer, subscribed);
    ctx.runOnContext(v -> add(l));
    return subscribed.future();
  }

  /** True while the pub/sub connection is up. */
  @Override
  public Future<Boolean> connected() {
    Promise<Boolean> p = Promise.promise();
    ctx.runOnContext(v -> p.complete(conn != null));
    return p.future();
  }

  @Override
  public Future<Void> close() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      closed = true;
      if (reconnectTimer >= 0) vertx.cancelTimer(reconnectTimer);
      if (healthTimer >= 0) vertx.cancelTimer(healthTimer);
      if (retryTimer >= 0) vertx.cancelTimer(retryTimer);
      for (SubscribedChannel ch : channels.values()) {
        for (Listener l : ch.listeners) {
          l.cancelled = true;
          if (l.pending != null) l.pending.tryFail(new StoreUnavailableException("store closed"));
        }
      }
      channels.clear();
      conn = null;
      Redis c = client;
      client = null;
      (c == null ? Future.<Void>succeededFuture() : c.close()).onComplete(ar -> p.complete());
    });
    return p.future();
  }

  private void add(Listener l) {
    if (closed) {
      l.pending.fail(new StoreUnavailableException("store closed"));
      return;
    }
    SubscribedChannel ch = channels.get(l.code);
    if (ch == null) {
      ch = new SubscribedChannel(l.code);
      channels.put(l.code, ch);
      if (conn != null) sendSubscribe(List.of(l.code));
      else connect();
    }
    ch.listeners.add(l);
    l.timer = vertx.setTimer(timeoutMs + 500, t -> {
      if (l.pending != null) {
        remove(l);
        l.pending.tryFail(new StoreUnavailableException("subscription to " + l.code + " not confirmed in time"));
      }
    });
    if (ch.confirmed) resync(ch);
  }

  private void remove(Listener l) {
    l.cancelled = true;
    vertx.cancelTimer(l.timer);
    SubscribedChannel ch = channels.get(l.code);
    if (ch == null || !ch.listeners.remove(l) || !ch.listeners.isEmpty()) return;
    channels.remove(l.code);
    // A channel the server dropped is not subscribed there any more (and asking would get -MOVED).
    if (conn != null && !ch.dropped) {
      replies.unsubscribeSent(l.code);
      conn.send(Request.cmd(keys.unsubscribe).arg(keys.channel(l.code)));
    }
  }

  private void sendSubscribe(Collection<String> codes) {
    if (keys.sharded) {
      // Channels of one SSUBSCRIBE must share a slot: one command per session.
      for (String code : codes) send(Request.cmd(keys.subscribe), List.of(code));
    } else {
      send(Request.cmd(keys.subscribe), codes);
    }
  }

  private void send(Request req, Collection<String> codes) {
    for (String code : codes) {
      req.arg(keys.channel(code));
      replies.subscribeSent(code);
      SubscribedChannel ch = channels.get(code);
      if (ch != null) ch.dropped = false;
    }
    // A failed write means the connection is going away; its end handler takes over.
    conn.send(req);
  }

  private void connect() {
    if (closed || connecting || conn != null) return;
    connecting = true;
    Redis attempt = clients.get();
    client = attempt;
    // The client's own connect timeout covers TCP only; a server that accepts but never answers
    // the handshake would otherwise stall reconnection forever.
    long timer = vertx.setTimer(timeoutMs, t -> {
      if (client == attempt && conn == null) giveUp(attempt, "pub/sub connect timed out");
    });
    attempt.connect().onComplete(ar -> ctx.runOnContext(v -> {
      vertx.cancelTimer(timer);
      if (client != attempt || closed) {
        attempt.close();
        return;
      }
      if (ar.failed()) {
        giveUp(attempt, "pub/sub connect failed: " + ar.cause());
        return;
      }
      RedisConnection c = ar.result();
      connecting = false;
      conn = c;
      backoffMs = MIN_BACKOFF_MS;
      replies.clear();
      c.handler(r -> ctx.runOnContext(x -> onMessage(c, r)));
      c.exceptionHandler(e -> ctx.runOnContext(x -> lost(c, e)));
      c.endHandler(e -> ctx.runOnContext(x -> lost(c, null)));
      if (!channels.isEmpty()) sendSubscribe(new ArrayList<>(channels.keySet()));
      checkHealth(c);
    }));
  }

  private void giveUp(Redis attempt, String why) {
    log.debug("redis " + why);
    connecting = false;
    client = null;
    attempt.close();
    scheduleReconnect();
  }

  /**
   * A connection can die without a FIN (network partition, frozen server); a periodic PING with a
   * deadline notices. Needs RESP3, where published messages are push frames and cannot be
   * mistaken for the PING's reply.
   */
  private void checkHealth(RedisConnection c) {
    healthTimer = vertx.setTimer(Math.max(500, timeoutMs), t -> {
      healthTimer = -1;
      if (c != conn) return;
      c.send(Request.cmd(Command.PING))
          .timeout(timeoutMs, TimeUnit.MILLISECONDS)
          .onComplete(ar -> ctx.runOnContext(v -> {
            if (ar.failed()) lost(c, ar.cause());
            else checkHealth(c);
          }));
    });
  }

  private void lost(RedisConnection c, Throwable cause) {
    if (c != conn) return;
    log.debug("redis pub/sub connection lost: " + cause);
    conn = null;
    replies.clear();
    for (SubscribedChannel ch : channels.values()) {
      ch.confirmed = false;
      ch.dropped = false;
    }
    // The socket may still be open (an unanswered PING): closing its client drops it for sure.
    Redis dead = client;
    client = null;
    if (dead != null) dead.close();
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnectTimer >= 0) return;
    long delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    reconnectTimer = vertx.setTimer(delay, t -> {
      reconnectTimer = -1;
      connect();
    });
  }

  private void onMessage(RedisConnection c, Response r) {
    if (c != conn) return;
    if (r != null && r.type() == io.vertx.redis.client.ResponseType.ERROR) {
      refused(replies.refused(), r.toString());
      return;
    }
    // Only pushes (messages, subscribe confirmations) are arrays; a reply such as the health
    // check's PONG can reach this handler too and has no size.
    if (r == null || (r.type() != io.vertx.redis.client.ResponseType.PUSH
        && r.type() != io.vertx.redis.client.ResponseType.MULTI) || r.size() < 3) return;
    String kind = r.get(0).toString();
    String code = keys.codeOfChannel(r.get(1).toString());
    if (code == null) return;
    if (kind.equals(keys.messageKind)) {
      message(code, r);
    } else if (kind.equals(keys.subscribeKind)) {
      if (replies.subscribed(code)) confirmed(code);
    } else if (kind.equals(keys.unsubscribeKind) && !replies.unsubscribed(code)) {
      // Nobody asked: the server dropped the channel (its slot migrated away).
      SubscribedChannel ch = channels.get(code);
      if (ch != null && ch.confirmed) dropped(ch, "slot moved");
    }
  }

  /** The server refused the (un)subscribe of {@code code}, e.g. -MOVED: that slot is served elsewhere. */
  private void refused(String code, String why) {
    if (code == null) return;
    SubscribedChannel ch = channels.get(code);
    if (ch != null && !ch.confirmed && !replies.subscribeDue(code)) dropped(ch, why);
  }

  private void dropped(SubscribedChannel ch, String why) {
    log.debug("redis pub/sub channel not served here: " + why);
    ch.confirmed = false;
    ch.dropped = true;
    misrouted.run();
    if (retryTimer >= 0) return;
    retryTimer = vertx.setTimer(Math.max(250, timeoutMs / 2), t -> {
      retryTimer = -1;
      if (conn == null) return;
      List<String> again = new ArrayList<>();
      for (SubscribedChannel c : channels.values()) if (c.dropped) again.add(c.code);
      if (!again.isEmpty()) sendSubscribe(again);
    });
  }

  private void message(String code, Response r) {
    SubscribedChannel ch = channels.get(code);
    if (ch == null) return;
    Session s;
    try {
      s = decoder.apply(code, r.get(2).toBytes());
    } catch (IllegalArgumentException e) {
      log.warn("undecodable state on " + r.get(1) + ": " + e.getMessage());
      return;
    }
    ch.deliver(s);
  }

  private void confirmed(String code) {
    // With listeners present, the last command sent for this code was SUBSCRIBE: now in effect.
    SubscribedChannel ch = channels.get(code);
    if (ch != null && !ch.confirmed) {
      ch.confirmed = true;
      ch.dropped = false;
      resync(ch);
    }
  }

  /**
   * Reads the current state: new listeners take its version as their starting point (and their
   * subscribe completes); the others get it if it is newer than what they have.
   */
  private void resync(SubscribedChannel ch) {
    commands.send(Request.cmd(Command.GET).arg(keys.state(ch.code)))
        .onComplete(ar -> ctx.runOnContext(v -> {
          if (channels.get(ch.code) != ch || !ch.confirmed) return;
          if (ar.failed()) {
            // Usually the connection is about to drop, and reconnecting resyncs; if not, try again.
            vertx.setTimer(timeoutMs, t -> {
              if (channels.get(ch.code) == ch && ch.confirmed) resync(ch);
            });
            return;
          }
          Session s = ar.result() == null ? null : decoder.apply(ch.code, ar.result().toBytes());
          long version = s == null ? -1 : s.version;
          for (Listener l : List.copyOf(ch.listeners)) {
            if (l.pending != null) {
              l.last = Math.max(l.last, version);
              vertx.cancelTimer(l.timer);
              Promise<Subscription> p = l.pending;
              l.pending = null;
              p.tryComplete(() -> cancel(l));
            } else if (s != null && version > l.last) {
              l.deliver(s);
            }
          }
        }));
  }

  private Future<Void> cancel(Listener l) {
    l.cancelled = true;
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      remove(l);
      p.complete();
    });
    return p.future();
  }
}
