package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import app.roundtable.store.SessionStore.Subscription;
import app.roundtable.store.StoreUnavailableException;
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
 * This node's session listeners, fed from one dedicated Redis pub/sub connection.
 *
 * <p>Threading: all state below lives on one private event-loop context ({@link #ctx}); every entry
 * point hops onto it. Each listener is called on the context it subscribed from, in version order
 * (one decision point, then FIFO per context).
 *
 * <p>A channel is subscribed while at least one local listener wants it. Pub/sub drops messages
 * while the connection is down, so when a channel's subscription is (re)confirmed its state is
 * re-read, and listeners get it if it is newer than what they last got. Listeners never get a
 * version at or below their last one; after an outage they may skip versions (clients sync).
 */
final class RedisSubscriptions {
  private static final Logger log = LoggerFactory.getLogger(RedisSubscriptions.class);
  private static final long MIN_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 2_000;
  /** How long a re-read state waits for pub/sub messages published before it (see {@link #catchUp}). */
  private static final long CATCH_UP_GRACE_MS = 250;

  private final Vertx vertx;
  /** The one context that owns all the fields below. */
  private final ContextInternal ctx;
  /** Makes a client for one pub/sub connection; closing that client is the sure way to drop its socket. */
  private final Supplier<Redis> clients;
  private final RedisCommands commands;
  private final long timeoutMs;

  /** Channels wanted by at least one local listener, by session code. */
  private final Map<String, Channel> channels = new HashMap<>();
  /** The keys of {@link #channels}, readable from any thread: the sessions this node serves. */
  private final java.util.Set<String> serving = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** SUBSCRIBE replies still due on the current connection, per code: confirmed when it reaches 0. */
  private final Map<String, Integer> repliesDue = new HashMap<>();
  /** Null while disconnected. */
  private RedisConnection conn;
  /** The client behind {@link #conn}, or behind the connection attempt in progress. */
  private Redis client;
  private boolean connecting;
  private boolean closed;
  private long backoffMs = MIN_BACKOFF_MS;
  private long reconnectTimer = -1;
  private long healthTimer = -1;
  /** When anything last came from {@link #conn} (a message, a confirmation, a PING's reply). */
  private long lastHeard;

  /** Turns published or read bytes into a session, reusing this node's own object when it has it. */
  private final java.util.function.BiFunction<String, byte[], Session> decoder;

  /** Told every state a re-subscription read (null: missing), so that a Redis gone back in time is noticed. */
  private final java.util.function.BiConsumer<String, Session> reread;

  RedisSubscriptions(Vertx vertx, Supplier<Redis> clients, RedisCommands commands,
      java.util.function.BiFunction<String, byte[], Session> decoder, java.util.function.BiConsumer<String, Session> reread) {
    this.decoder = decoder;
    this.reread = reread;
    this.vertx = vertx;
    this.ctx = ((VertxInternal) vertx).createEventLoopContext();
    this.clients = clients;
    this.commands = commands;
    this.timeoutMs = commands.timeoutMs();
  }

  Future<Subscription> subscribe(String code, Consumer<Session> consumer) {
    ContextInternal caller = ((VertxInternal) vertx).getOrCreateContext();
    Promise<Subscription> subscribed = caller.promise();
    Listener l = new Listener(code, caller, consumer, subscribed);
    ctx.runOnContext(v -> add(l));
    return subscribed.future();
  }

  /** Whether some listener on this node follows {@code code} (any thread). */
  boolean serves(String code) {
    return serving.contains(code);
  }

  /** True while the pub/sub connection is up. */
  Future<Boolean> connected() {
    Promise<Boolean> p = Promise.promise();
    ctx.runOnContext(v -> p.complete(conn != null));
    return p.future();
  }

  Future<Void> close() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      closed = true;
      if (reconnectTimer >= 0) vertx.cancelTimer(reconnectTimer);
      if (healthTimer >= 0) vertx.cancelTimer(healthTimer);
      for (Channel ch : channels.values()) {
        for (Listener l : ch.listeners) {
          l.cancelled = true;
          if (l.pending != null) l.pending.tryFail(new StoreUnavailableException("store closed"));
        }
      }
      channels.clear();
      serving.clear();
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
    Channel ch = channels.get(l.code);
    if (ch == null) {
      ch = new Channel(l.code);
      channels.put(l.code, ch);
      serving.add(l.code);
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
    // The channel is already live: only the newcomer needs a starting point. Its other listeners
    // have had every message since their own start; handing them the state read now could put a
    // version ahead of ones still on their way over the pub/sub connection (a silent jump).
    if (ch.confirmed) resync(ch, false);
  }

  private void remove(Listener l) {
    l.cancelled = true;
    vertx.cancelTimer(l.timer);
    Channel ch = channels.get(l.code);
    if (ch == null || !ch.listeners.remove(l) || !ch.listeners.isEmpty()) return;
    channels.remove(l.code);
    serving.remove(l.code);
    if (conn != null) {
      conn.send(Request.cmd(Command.UNSUBSCRIBE).arg(RedisKeys.channel(l.code)));
    }
  }

  private void sendSubscribe(Collection<String> codes) {
    Request req = Request.cmd(Command.SUBSCRIBE);
    for (String code : codes) {
      req.arg(RedisKeys.channel(code));
      repliesDue.merge(code, 1, Integer::sum);
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
      lastHeard = System.nanoTime();
      backoffMs = MIN_BACKOFF_MS;
      repliesDue.clear();
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
   * A connection can die without a FIN (network partition, frozen server): a periodic PING, and
   * the connection counts as lost when nothing at all came from it for a while. Judged on anything
   * heard, not on the PING's own reply: the Redis client hands a push (a published message) that
   * arrives while a command waits to that command's slot, so under traffic a PING's future may never
   * complete although the server answered. Taking that as a dead connection reconnected it every
   * few seconds under load, and each reconnect lost the messages published meanwhile (clients saw
   * versions jump). With traffic flowing, the messages themselves are the proof of life.
   */
  private void checkHealth(RedisConnection c) {
    long tickMs = Math.max(250, timeoutMs / 2);
    healthTimer = vertx.setTimer(tickMs, t -> {
      healthTimer = -1;
      if (c != conn) return;
      if (System.nanoTime() - lastHeard > TimeUnit.MILLISECONDS.toNanos(timeoutMs + tickMs)) {
        lost(c, new StoreUnavailableException("pub/sub connection silent for " + (timeoutMs + tickMs) + " ms"));
        return;
      }
      c.send(Request.cmd(Command.PING)).onSuccess(r -> ctx.runOnContext(v -> heard(c)));
      checkHealth(c);
    });
  }

  /** Something came from {@code c}: it is alive now. */
  private void heard(RedisConnection c) {
    if (c == conn) lastHeard = System.nanoTime();
  }

  private void lost(RedisConnection c, Throwable cause) {
    if (c != conn) return;
    log.debug("redis pub/sub connection lost: " + cause);
    conn = null;
    repliesDue.clear();
    for (Channel ch : channels.values()) ch.confirmed = false;
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
    heard(c);
    // Only pushes (messages, subscribe confirmations) are arrays; a reply such as the health
    // check's PONG can reach this handler too and has no size.
    if (c != conn || (r.type() != io.vertx.redis.client.ResponseType.PUSH
        && r.type() != io.vertx.redis.client.ResponseType.MULTI) || r.size() < 3) return;
    String kind = r.get(0).toString();
    String code = RedisKeys.codeOfChannel(r.get(1).toString());
    if (code == null) return;
    switch (kind) {
      case "message" -> {
        Channel ch = channels.get(code);
        if (ch == null) return;
        Session s;
        try {
          s = decoder.apply(code, r.get(2).toBytes());
        } catch (IllegalArgumentException e) {
          log.warn("undecodable state on " + r.get(1) + ": " + e.getMessage());
          return;
        }
        deliver(ch, s);
      }
      case "subscribe" -> {
        int due = repliesDue.merge(code, -1, Integer::sum);
        if (due > 0) return;
        repliesDue.remove(code);
        // With listeners present, the last command sent for this code was SUBSCRIBE: now in effect.
        Channel ch = channels.get(code);
        if (ch != null && !ch.confirmed) {
          ch.confirmed = true;
          resync(ch, true);
        }
      }
      default -> {
        // unsubscribe confirmations need nothing
      }
    }
  }

  /**
   * Reads the current state: new listeners take its version as their starting point (and their
   * subscribe completes). With {@code catchUp} (the channel was just (re)subscribed, so messages
   * may have been missed while it was not) the others get it too, if it is still newer than what
   * they have once the messages published before the read have had time to arrive.
   */
  private void resync(Channel ch, boolean catchUp) {
    commands.send(Request.cmd(Command.GET).arg(RedisKeys.state(ch.code)))
        .onComplete(ar -> ctx.runOnContext(v -> {
          if (channels.get(ch.code) != ch || !ch.confirmed) return;
          if (ar.failed()) {
            // Usually the connection is about to drop, and reconnecting resyncs; if not, try again.
            vertx.setTimer(timeoutMs, t -> {
              if (channels.get(ch.code) == ch && ch.confirmed) resync(ch, catchUp);
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
            }
          }
          if (catchUp) reread.accept(ch.code, s);
          if (catchUp && s != null) vertx.setTimer(CATCH_UP_GRACE_MS, t -> catchUp(ch, s));
        }));
  }

  /**
   * After a (re)subscribe, listeners still behind {@code s} missed messages while the channel was
   * not subscribed: they get {@code s} (a jump their clients answer with {@code sync}). The grace
   * lets messages published before the read, still in flight on the pub/sub connection, arrive
   * first, so a listener that missed nothing is not made to jump.
   */
  private void catchUp(Channel ch, Session s) {
    if (channels.get(ch.code) != ch || !ch.confirmed) return;
    for (Listener l : ch.listeners) {
      if (l.pending == null && s.version > l.last) deliverTo(l, s);
    }
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

  private void deliver(Channel ch, Session s) {
    for (Listener l : ch.listeners) {
      if (s.version > l.last) deliverTo(l, s);
    }
  }

  private static void deliverTo(Listener l, Session s) {
    l.last = s.version;
    l.context.runOnContext(v -> {
      if (!l.cancelled) l.consumer.accept(s);
    });
  }

  private static final class Channel {
    final String code;
    final List<Listener> listeners = new ArrayList<>();
    /** Redis confirmed the SUBSCRIBE on the current connection. */
    boolean confirmed;

    Channel(String code) {
      this.code = code;
    }
  }

  private static final class Listener {
    final String code;
    final Context context;
    final Consumer<Session> consumer;
    /** Until the subscription is in effect and its starting version known; then null. */
    Promise<Subscription> pending;
    /** Highest version handed to this listener (or its starting point); -1 for none. */
    long last = -1;
    /** Set on cancel, read on the listener's context: nothing is delivered after cancel. */
    volatile boolean cancelled;
    long timer = -1;

    Listener(String code, Context context, Consumer<Session> consumer, Promise<Subscription> pending) {
      this.code = code;
      this.context = context;
      this.consumer = consumer;
      this.pending = pending;
    }
  }
}
