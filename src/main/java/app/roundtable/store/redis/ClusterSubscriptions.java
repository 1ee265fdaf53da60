package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.LogTag;
import app.roundtable.store.OnContext;
import app.roundtable.store.SessionStore.Subscription;
import app.roundtable.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Session listeners in a Redis Cluster: sharded pub/sub, one dedicated connection per shard master
 * ({@link RedisSubscriptions} with {@code SSUBSCRIBE}), each session's channel on the master that
 * owns its slot. The Vert.x cluster client routes {@code SSUBSCRIBE} by key but neither
 * resubscribes when a slot moves nor keeps its pooled connections apart from ordinary commands, so
 * the shards' connections are this class's own.
 *
 * <p>When the slots change ({@link ClusterTopology}: a periodic read, or a shard saying a channel
 * is served elsewhere), every listener whose session's slot now has another master moves there:
 * subscribed at the new master first, then cancelled at the old one, then the session re-read and
 * handed over if newer than what the listener last got (publishes during the move may be lost;
 * clients that see the gap sync). A master that is gone without a successor keeps its listeners:
 * its connection retries, and they resume when it returns or its slots fail over.
 *
 * <p>Threading: the maps live on one private context; each listener is called on the context it
 * subscribed from, never with a version at or below one it already got.
 */
final class ClusterSubscriptions implements Subscriptions {
  private final Vertx vertx;
  private final Context ctx;
  private final ClusterTopology topology;
  private final RedisKeys keys;
  /** A shard's subscriptions, given its endpoint. */
  private final Function<String, RedisSubscriptions> shardOf;
  /** Reads the session as stored now (null when there is none). */
  private final Function<String, Future<Session>> reader;
  private final Map<String, RedisSubscriptions> shards = new HashMap<>();
  private final Set<Homed> homed = new LinkedHashSet<>();
  /** Listeners per session code, readable from any thread: the sessions this node serves. */
  private final Map<String, Integer> serving = new java.util.concurrent.ConcurrentHashMap<>();
  private boolean closed;
  private long retryTimer = -1;
  private static final long RETRY_MS = 500;

  ClusterSubscriptions(Vertx vertx, ClusterTopology topology, RedisKeys keys,
      Function<String, RedisSubscriptions> shardOf, Function<String, Future<Session>> reader) {
    this.vertx = vertx;
    this.ctx = OwnContext.of(vertx);
    this.topology = topology;
    this.keys = keys;
    this.shardOf = shardOf;
    this.reader = reader;
    topology.onChange(() -> ctx.runOnContext(v -> rehomeAll()));
  }

  /** A listener, wherever its session's channel is served now. */
  private final class Homed {
    final String code;
    final Context caller;
    final Consumer<Session> consumer;
    /** Touched on {@link #caller} only. */
    long last = -1;
    volatile boolean cancelled;
    /** On {@link #ctx}: the shard it is subscribed at (or being subscribed at), and that subscription. */
    String endpoint;
    Subscription at;
    int move;

    Homed(String code, Context caller, Consumer<Session> consumer) {
      this.code = code;
      this.caller = caller;
      this.consumer = consumer;
    }

    /** A newer version, or null once: the session was deleted, and nothing follows. */
    void accept(Session s) {
      if (cancelled || last == Long.MAX_VALUE) return;
      if (s == null) {
        last = Long.MAX_VALUE;
        consumer.accept(null);
      } else if (s.version > last) {
        last = s.version;
        consumer.accept(s);
      }
    }
  }

  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> listener) {
    Context caller = vertx.getOrCreateContext();
    Homed h = new Homed(code, caller, listener);
    Promise<Subscription> subscribed = Promise.promise();
    ctx.runOnContext(v -> {
      if (closed) {
        subscribed.fail(new StoreUnavailableException("store closed"));
        return;
      }
      homed.add(h);
      serving.merge(code, 1, Integer::sum);
      owner(code).compose(owner -> home(h, owner)).onComplete(ar -> {
        if (ar.succeeded()) subscribed.complete(() -> cancel(h));
        else {
          ctx.runOnContext(x -> forget(h));
          subscribed.fail(ar.cause());
        }
      });
    });
    return OnContext.of(caller, subscribed.future());
  }

  /** The endpoint serving the session's slot; the slots are read first when unknown (e.g. just started). */
  private Future<String> owner(String code) {
    String known = topology.ownerOf(keys.channel(code));
    if (known != null) return Future.succeededFuture(known);
    // Back on ctx before going on: the refresh completes on the slot map's own context.
    return OnContext.of(ctx, topology.refresh().transform(ar -> Future.succeededFuture(topology.ownerOf(keys.channel(code)))))
        .compose(ep -> ep != null ? Future.succeededFuture(ep)
            : Future.failedFuture(new StoreUnavailableException("no master serves the slot of " + LogTag.session(code) + " now")));
  }

  /** Subscribes {@code h} at {@code endpoint} and drops its previous subscription; on {@link #ctx}. */
  private Future<Void> home(Homed h, String endpoint) {
    RedisSubscriptions shard = shards.computeIfAbsent(endpoint, shardOf);
    int move = ++h.move;
    String from = h.endpoint;
    Subscription old = h.at;
    h.endpoint = endpoint;
    h.at = null;
    Promise<Void> done = Promise.promise();
    // Subscribed from the listener's context, so that the shard delivers on it.
    h.caller.runOnContext(v -> shard.subscribe(h.code, h::accept).onComplete(ar -> ctx.runOnContext(x -> {
      if (ar.failed()) {
        if (h.move == move && old != null) {
          // Still where it was (e.g. the new master does not answer yet): try the move again soon.
          h.endpoint = from;
          h.at = old;
          retrySoon();
        }
        done.fail(ar.cause());
        return;
      }
      if (h.move != move || h.cancelled) {
        ar.result().cancel();
      } else {
        h.at = ar.result();
        if (old != null) {
          old.cancel();
          catchUp(h);
        }
      }
      done.complete();
    })));
    return done.future();
  }

  /** After a move: the session as stored now, if the listener has not had it yet. */
  private void catchUp(Homed h) {
    reader.apply(h.code).onSuccess(s -> {
      if (s != null) h.caller.runOnContext(v -> h.accept(s));
    });
  }

  private void retrySoon() {
    if (retryTimer >= 0 || closed) return;
    retryTimer = vertx.setTimer(RETRY_MS, t -> {
      retryTimer = -1;
      rehomeAll();
    });
  }

  private void rehomeAll() {
    if (closed) return;
    for (Homed h : List.copyOf(homed)) {
      String owner = topology.ownerOf(keys.channel(h.code));
      if (owner != null && !owner.equals(h.endpoint)) home(h, owner);
    }
    // Shards that serve no slot any more (a failed-over master) and hold nobody's listener.
    Set<String> masters = topology.masters();
    Set<String> used = new LinkedHashSet<>();
    for (Homed h : homed) used.add(h.endpoint);
    for (String ep : new ArrayList<>(shards.keySet())) {
      if (!masters.contains(ep) && !used.contains(ep)) shards.remove(ep).close();
    }
  }

  private Future<Void> cancel(Homed h) {
    h.cancelled = true;
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      forget(h);
      h.move++;
      Subscription at = h.at;
      h.at = null;
      (at == null ? Future.<Void>succeededFuture() : at.cancel()).onComplete(ar -> p.complete());
    });
    return p.future();
  }

  private void forget(Homed h) {
    if (homed.remove(h)) serving.computeIfPresent(h.code, (c, n) -> n <= 1 ? null : n - 1);
  }

  @Override
  public boolean serves(String code) {
    return serving.containsKey(code);
  }

  @Override
  public Future<Void> close() {
    Promise<Void> p = Promise.promise();
    ctx.runOnContext(v -> {
      closed = true;
      if (retryTimer >= 0) vertx.cancelTimer(retryTimer);
      for (Homed h : homed) h.cancelled = true;
      homed.clear();
      serving.clear();
      List<Future<Void>> all = new ArrayList<>();
      for (RedisSubscriptions s : shards.values()) all.add(s.close());
      shards.clear();
      Future.join(all).onComplete(ar -> p.complete());
    });
    return p.future();
  }
}
