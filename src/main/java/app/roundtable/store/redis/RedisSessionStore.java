package app.roundtable.store.redis;

import app.roundtable.domain.Outcome;
import app.roundtable.domain.Session;
import app.roundtable.store.Deadlines;
import app.roundtable.store.Expiry;
import app.roundtable.store.LogTag;
import app.roundtable.store.SessionCodec;
import app.roundtable.store.SessionSize;
import app.roundtable.store.SessionStore;
import app.roundtable.store.StoreUnavailableException;
import app.roundtable.store.UnknownSessionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sessions in Redis, shared by any number of nodes. Needs Redis 6 or later (RESP3).
 *
 * <p>Layout: {@code rt:s:<code>} holds the whole session as {@link SessionCodec} JSON and carries
 * the session's expiry ({@link Expiry}: set again by every write); {@code rt:c:<code>} is its pub/sub channel;
 * {@code rt:node:<id>} is a node's heartbeat. In a Redis Cluster the code is a hash tag
 * ({@code rt:s:{code}}, {@code rt:c:{code}}: one slot per session) and publishing is sharded
 * ({@link RedisKeys}, {@link ClusterRedis}).
 *
 * <p>An update reads the state, runs the change, and hands the result to {@code redis/apply.lua},
 * which writes and publishes it only if the stored version is still the one the change saw;
 * otherwise it returns the stored state and the update re-applies the change to that, up to
 * {@link #MAX_ATTEMPTS} times. On one node a
 * session's updates run one at a time ({@link UpdateLanes}), so retries come only from other nodes.
 *
 * <p>Every command has a deadline ({@code commandTimeoutMs}); a whole update has {@code 2 ×} that.
 * Past it the update fails with {@link StoreUnavailableException}: nothing further is attempted, but
 * a script already sent may still have landed (the outcome is unknown, as the protocol says). The
 * client's pool reconnects on demand; the pub/sub connection reconnects with backoff.
 */
public final class RedisSessionStore implements SessionStore {
  /** Conflicting writes from other nodes tolerated before an update gives up. */
  public static final int MAX_ATTEMPTS = 50;
  public static final long DEFAULT_COMMAND_TIMEOUT_MS = 2_000;
  /** Updates of one session that may wait on this node before new ones are refused. */
  private static final int MAX_QUEUED_PER_SESSION = 1_000;

  private final Redis client;
  private final RedisCommands commands;
  private final ApplyScript script;
  private final Subscriptions subscriptions;
  private final RedisDeployment deployment;
  private final RedisKeys keys;
  private final UpdateLanes lanes = new UpdateLanes(MAX_QUEUED_PER_SESSION);
  private final RecentStates recent;
  /** The newest state of each session this node serves, however long it sat idle: what {@link Amnesia} puts back. */
  private final ServedStates served = new ServedStates();
  private final Amnesia amnesia;
  private final SessionSize size;
  private final DeleteScript deletes;
  private final long ttlMs;
  private final long updateTimeoutMs;
  private final Vertx vertx;
  /** Every command's and update's time limit, checked together (a timer per command was 6 % of the CPU). */
  private final Deadlines deadlines;

  /** {@code url} as {@code redis://[[user]:password@]host:port[/db]}; sessions expire {@code ttlMs} after their last change. */
  public RedisSessionStore(Vertx vertx, String url, long ttlMs) {
    this(vertx, url, ttlMs, DEFAULT_COMMAND_TIMEOUT_MS);
  }

  public RedisSessionStore(Vertx vertx, String url, long ttlMs, long commandTimeoutMs) {
    this(vertx, new RedisEndpoint(url, null), ttlMs, commandTimeoutMs);
  }

  /**
   * A wrong password or an untrusted certificate fails every command within {@code
   * commandTimeoutMs} like any other outage ({@link StoreUnavailableException}): nothing waits on it.
   */
  public RedisSessionStore(Vertx vertx, RedisEndpoint endpoint, long ttlMs, long commandTimeoutMs) {
    this(vertx, endpoint, new Options(ttlMs, commandTimeoutMs, SessionSize.DEFAULT, RecentStates.IDLE));
  }

  public RedisSessionStore(Vertx vertx, RedisEndpoint endpoint, Options options) {
    this(vertx, new StandaloneRedis(vertx, endpoint, options.commandTimeoutMs()), options);
  }

  /**
   * How the store runs: sessions expire {@code ttlMs} after their last change; every command has
   * {@code commandTimeoutMs}; each session is held to {@code size}; {@code cacheIdle} is how long
   * a state this node touched stays in its cache of recent states (a shortcut for updates only: what
   * is put back after Redis's amnesia does not depend on it).
   */
  public record Options(long ttlMs, long commandTimeoutMs, SessionSize size, java.time.Duration cacheIdle) {
    public Options {
      if (ttlMs <= 0 || commandTimeoutMs <= 0) throw new IllegalArgumentException("ttl and timeout must be positive");
    }

    public Options(long ttlMs, long commandTimeoutMs) {
      this(ttlMs, commandTimeoutMs, SessionSize.DEFAULT, RecentStates.IDLE);
    }
  }

  /**
   * Sessions in a Redis Cluster (Redis 7+), reached through any of {@code seeds} (the other nodes
   * are learnt from the cluster, and reached with the seeds' scheme, credentials and trust).
   */
  public static RedisSessionStore cluster(Vertx vertx, List<RedisEndpoint> seeds, long ttlMs, long commandTimeoutMs) {
    return cluster(vertx, seeds, new Options(ttlMs, commandTimeoutMs));
  }

  public static RedisSessionStore cluster(Vertx vertx, List<RedisEndpoint> seeds, Options options) {
    return new RedisSessionStore(vertx, new ClusterRedis(vertx, seeds, options.commandTimeoutMs()), options);
  }

  private RedisSessionStore(Vertx vertx, RedisDeployment deployment, Options options) {
    long ttlMs = options.ttlMs();
    long commandTimeoutMs = options.commandTimeoutMs();
    this.vertx = vertx;
    this.ttlMs = ttlMs;
    this.size = options.size();
    this.recent = new RecentStates(RecentStates.MAX_BYTES, options.cacheIdle(), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    this.updateTimeoutMs = 2 * commandTimeoutMs;
    this.deployment = deployment;
    this.keys = deployment.keys();
    this.client = deployment.commandClient();
    this.deadlines = new Deadlines(vertx);
    this.commands = new RedisCommands(client, commandTimeoutMs, deadlines);
    this.script = new ApplyScript(commands, keys);
    // A re-subscription's read (e.g. after Redis restarted) is checked too: with nobody changing
    // the session, it is the only read that would notice Redis lost it.
    this.subscriptions = deployment.subscriptions(commands, recent::decode, this::read,
        (code, stored) -> amnesia().check(code, stored).onFailure(e -> { /* the next read tries again */ }));
    this.amnesia = new Amnesia(commands, recent, keys, ttlMs, served);
    this.deletes = new DeleteScript(commands, keys);
  }

  @Override
  public Future<Boolean> create(Session session) {
    Request set = Request.cmd(Command.SET)
        .arg(keys.state(session.code))
        .arg(SessionCodec.encode(session))
        .arg("NX").arg("PX").arg(Expiry.ttlFromLastChange(session, ttlMs));
    return commands.send(set).map(r -> r != null && "OK".equals(r.toString()));
  }

  @Override
  public Future<Session> load(String code) {
    return read(code);
  }

  @Override
  public Future<Update> update(String code, Function<Session, Outcome> change) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(updateTimeoutMs);
    return deadlines.within(lanes.<Update>submit(code, lane -> attempt(code, change, lane, 1, deadline, null)),
        updateTimeoutMs, () -> new StoreUnavailableException("update of " + LogTag.session(code) + " did not finish in " + updateTimeoutMs + " ms"));
  }

  /**
   * One try: the change on the lane's last known state when it has one (a guess the script
   * checks), else on a fresh read. Only a write is validated by the script, so an outcome that
   * writes nothing is trusted only when computed on a fresh read.
   */
  private Future<Update> attempt(String code, Function<Session, Outcome> change, UpdateLanes.Lane lane,
      int attempt, long deadline, Session fresh) {
    if (System.nanoTime() > deadline) {
      return Future.failedFuture(new StoreUnavailableException("update of " + LogTag.session(code) + " ran out of time"));
    }
    // A guess only on a first try: any retry starts from a read or the script's stored state.
    Session guess = fresh != null || attempt > 1 ? null : lane.known != null ? lane.known : recent.get(code);
    Future<Session> base = fresh != null ? Future.succeededFuture(fresh)
        : guess != null ? Future.succeededFuture(guess)
        : read(code);
    return base.compose(current -> {
      if (current == null) {
        lane.known = null;
        recent.forget(code);
        return Future.failedFuture(new UnknownSessionException(code));
      }
      Outcome outcome = change.apply(current);
      if (!(outcome instanceof Outcome.Applied applied)) {
        if (guess != null) {
          lane.known = null;
          return attempt(code, change, lane, attempt + 1, deadline, null);
        }
        lane.known = current;
        return Future.succeededFuture(new Update(outcome, current));
      }
      Session next = applied.session();
      if (next.version != current.version + 1) {
        return Future.failedFuture(new IllegalStateException(
            "applied version " + next.version + " does not follow " + current.version));
      }
      byte[] encoded = SessionCodec.encode(next);
      if (!size.allows(() -> SessionCodec.encode(current).length, encoded.length)) {
        // Like any outcome that writes nothing: trusted only when computed on a fresh read.
        if (guess != null) {
          lane.known = null;
          return attempt(code, change, lane, attempt + 1, deadline, null);
        }
        lane.known = current;
        return Future.succeededFuture(new Update(size.refusal(), current));
      }
      recent.writing(next, encoded);
      return script.apply(code, current.version, encoded, Expiry.ttlFromLastChange(next, ttlMs)).andThen(ar -> recent.written(next)).compose(result -> {
        if (result instanceof ApplyScript.Result.Written) {
          lane.known = next;
          recent.offer(next, encoded.length);
          served.offer(next);
          return Future.succeededFuture(new Update(outcome, next));
        }
        if (result instanceof ApplyScript.Result.Conflict conflict) {
          // As fresh as a read: the next try may trust an outcome that writes nothing.
          lane.known = null;
          if (attempt >= MAX_ATTEMPTS) {
            return Future.failedFuture(new StoreUnavailableException(
                "update of " + code + " conflicted " + attempt + " times; gave up"));
          }
          // Another node keeps winning: step aside for a moment (growing, jittered) so a burst
          // there cannot starve this node's update into giving up.
          if (attempt < 3) {
            return amnesia.check(code, conflict.stored())
                .compose(stored -> attempt(code, change, lane, attempt + 1, deadline, stored));
          }
          long pauseMs = 1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << Math.min(attempt - 2, 5));
          return Future.<Void>future(p -> vertx.setTimer(pauseMs, t -> p.complete()))
              .compose(v -> attempt(code, change, lane, attempt + 1, deadline, null));
        }
        lane.known = null;
        // Gone from Redis: lost (re-seeded from what this node holds, then retried) or expired.
        return amnesia.check(code, null).compose(reseeded -> reseeded == null
            ? Future.failedFuture(new UnknownSessionException(code))
            : attempt(code, change, lane, attempt + 1, deadline, reseeded));
      });
    });
  }

  private Amnesia amnesia() {
    return amnesia;
  }

  /** The stored state, checked against what this node holds ({@link Amnesia}). */
  private Future<Session> read(String code) {
    return commands.send(Request.cmd(Command.GET).arg(keys.state(code)))
        .map(r -> r == null ? null : recent.decode(code, r.toBytes()))
        .compose(stored -> amnesia.check(code, stored))
        .andThen(ar -> {
          if (ar.succeeded() && ar.result() != null) served.offer(ar.result());
        });
  }

  /**
   * Gone from Redis at once ({@code redis/delete.lua}), with a mark that stops any node from putting
   * it back, and a tombstone on its channel that hands every node's subscribers null.
   */
  @Override
  public Future<Boolean> delete(String code) {
    return deletes.delete(code).andThen(ar -> {
      if (ar.succeeded()) {
        recent.forget(code);
        served.deleted(code);
      }
    });
  }

  /** Every version this node's subscriptions see is also the newest state it serves ({@link ServedStates}). */
  @Override
  public Future<Subscription> subscribe(String code, Consumer<Session> listener) {
    served.serve(code);
    return subscriptions.subscribe(code, s -> {
      if (s == null) {
        recent.forget(code);
        served.deleted(code);
      } else {
        served.offer(s);
      }
      listener.accept(s);
    }).<Subscription>map(sub -> {
      boolean[] cancelled = {false};
      return () -> {
        synchronized (cancelled) {
          if (!cancelled[0]) served.unserve(code);
          cancelled[0] = true;
        }
        return sub.cancel();
      };
    }).onFailure(e -> served.unserve(code));
  }

  @Override
  public Future<Void> ping() {
    return deployment.ping(commands);
  }

  @Override
  public Future<Void> heartbeat(String nodeId, long ttlMs) {
    return commands.send(Request.cmd(Command.SET)
            .arg(keys.node(nodeId))
            .arg(System.currentTimeMillis())
            .arg("PX").arg(ttlMs))
        .mapEmpty();
  }

  @Override
  public Future<Set<String>> liveNodes(Set<String> nodeIds) {
    if (nodeIds.isEmpty()) return Future.succeededFuture(Set.of());
    List<String> ids = new ArrayList<>(nodeIds);
    Request mget = Request.cmd(Command.MGET);
    for (String id : ids) mget.arg(keys.node(id));
    return commands.send(mget).map(r -> {
      Set<String> live = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (r.get(i) != null) live.add(ids.get(i));
      }
      return live;
    });
  }

  @Override
  public Future<Void> close() {
    deadlines.close();
    return subscriptions.close().eventually(deployment::close).eventually(client::close);
  }

  /** For tests: the key and channel names (of a single Redis; {@link #clusterStateKey} in a cluster). */
  public static String stateKey(String code) {
    return RedisKeys.STANDALONE.state(code);
  }

  public static String channel(String code) {
    return RedisKeys.STANDALONE.channel(code);
  }

  public static String clusterStateKey(String code) {
    return RedisKeys.CLUSTER.state(code);
  }
}
