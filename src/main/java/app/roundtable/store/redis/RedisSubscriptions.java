package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.LogTag;
import app.roundtable.store.OnContext;
import app.roundtable.store.SessionStore.Subscription;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.redis.SubscribedChannel.Listener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Sharded pub/sub: a {@code -MOVED} reply to SSUBSCRIBE, or an {@code sunsubscribe} push nobody
 * asked for (its slot migrated away), marks the channel dropped and tells {@code misrouted}, so the
 * shard map's owner moves its listeners; meanwhile it is retried here (the error may pass).
 */
final class RedisSubscriptions implements Subscriptions, PubSubConnection.Owner {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriptions.class);
  /** How long a re-read state waits for pub/sub messages published before it (see {@link #catchUp}). */
  private static final long CATCH_UP_GRACE_MS = 250;

  private final Vertx vertx;
  /** The one context that owns all the fields below. */
  private final Context ctx;
  private final RedisCommands commands;
  private final long timeoutMs;

  /** Channels wanted by at least one local listener, by session code. */
  private final Map<String, SubscribedChannel> channels = new HashMap<>();
  /** The keys of {@link #channels}, readable from any thread: the sessions this node serves. */
  private final java.util.Set<String> serving = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** (Un)subscribe replies still due on the current connection. */
  private final PendingReplies replies = new PendingReplies();
  private final RedisKeys keys;
  /** Told when the server says a wanted channel is not served on this connection. */
  private final Runnable misrouted;
  private long retryTimer = -1;
  private final PubSubConnection pubsub;
  private boolean closed;

  /** Turns published or read bytes into a session, reusing this node's own object when it has it. */
  private final java.util.function.BiFunction<String, byte[], Session> decoder;

  /** Told every state a re-subscription read (null: missing), so that a Redis gone back in time is noticed. */
  private final java.util.function.BiConsumer<String, Session> reread;

  RedisSubscriptions(Vertx vertx, Supplier<Redis> clients, RedisCommands commands,
      java.util.function.BiFunction<String, byte[], Session> decoder, RedisKeys keys, Runnable misrouted,
      java.util.function.BiConsumer<String, Session> reread) {
    this.decoder = decoder;
    this.keys = keys;
    this.misrouted = misrouted;
    this.reread = reread;
    this.vertx = vertx;
    this.ctx = OwnContext.of(vertx);
    this.commands = commands;
    this.timeoutMs = commands.timeoutMs();
    this.pubsub = new PubSubConnection(vertx, ctx, clients, timeoutMs, this);
  }

  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> consumer) {
    Context caller = vertx.getOrCreateContext();
    Promise<Subscription> subscribed = Promise.promise();
    Listener l = new Listener(code, caller, consumer, subscribed);
    ctx.runOnContext(v -> add(l));
    return OnContext.of(caller, subscribed.future());
  }

  @Override
  public boolean serves(String code) {
    return serving.contains(code);
  }

  @Override
  public Future<Void> close() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      closed = true;
      if (retryTimer >= 0) vertx.cancelTimer(retryTimer);
      for (SubscribedChannel ch : channels.values()) {
        for (Listener l : ch.listeners) {
          l.cancelled = true;
          if (l.pending != null) l.pending.tryFail(new StoreUnavailableException("store closed"));
        }
      }
      channels.clear();
      serving.clear();
      pubsub.close().onComplete(ar -> p.complete());
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
      serving.add(l.code);
      if (pubsub.current() != null) sendSubscribe(List.of(l.code));
      else pubsub.connect();
    }
    ch.listeners.add(l);
    l.timer = vertx.setTimer(timeoutMs + 500, t -> {
      if (l.pending != null) {
        remove(l);
        l.pending.tryFail(new StoreUnavailableException("subscription to " + LogTag.session(l.code) + " not confirmed in time"));
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
    SubscribedChannel ch = channels.get(l.code);
    if (ch == null || !ch.listeners.remove(l) || !ch.listeners.isEmpty()) return;
    channels.remove(l.code);
    serving.remove(l.code);
    // A channel the server dropped is not subscribed there any more (and asking would get -MOVED).
    RedisConnection conn = pubsub.current();
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
    pubsub.current().send(req);
  }

  /** A new connection: nothing is subscribed on it yet. */
  @Override
  public void up(RedisConnection c) {
    replies.clear();
    if (!channels.isEmpty()) sendSubscribe(new ArrayList<>(channels.keySet()));
  }

  /** The connection is gone, and every subscription with it. */
  @Override
  public void down() {
    replies.clear();
    for (SubscribedChannel ch : channels.values()) {
      ch.confirmed = false;
      ch.dropped = false;
    }
  }

  @Override
  public void received(Response r) {
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
    LOG.debug("redis pub/sub channel not served here: {}", why);
    ch.confirmed = false;
    ch.dropped = true;
    misrouted.run();
    if (retryTimer >= 0) return;
    retryTimer = vertx.setTimer(Math.max(250, timeoutMs / 2), t -> {
      retryTimer = -1;
      if (pubsub.current() == null) return;
      List<String> again = new ArrayList<>();
      for (SubscribedChannel c : channels.values()) if (c.dropped) again.add(c.code);
      if (!again.isEmpty()) sendSubscribe(again);
    });
  }

  private void message(String code, Response r) {
    SubscribedChannel ch = channels.get(code);
    if (ch == null) return;
    byte[] message = r.get(2).toBytes();
    if (RedisKeys.isTombstone(message)) {
      ch.deleted();
      return;
    }
    Session s;
    try {
      s = decoder.apply(code, message);
    } catch (IllegalArgumentException e) {
      // Not the exception's message: it quotes the start of the state, which holds names.
      LOG.atWarn().addKeyValue("event", "undecodable_state").log("undecodable state of {}", LogTag.session(code));
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
      resync(ch, true);
    }
  }

  /**
   * Reads the current state: new listeners take its version as their starting point (and their
   * subscribe completes). With {@code catchUp} (the channel was just (re)subscribed, so messages
   * may have been missed while it was not) the others get it too, if it is still newer than what
   * they have once the messages published before the read have had time to arrive.
   */
  private void resync(SubscribedChannel ch, boolean catchUp) {
    commands.send(Request.cmd(Command.GET).arg(keys.state(ch.code)))
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
  private void catchUp(SubscribedChannel ch, Session s) {
    if (channels.get(ch.code) == ch && ch.confirmed) ch.catchUp(s);
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
