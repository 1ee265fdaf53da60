package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A Redis Cluster (Redis 7 or later, for sharded pub/sub). Ordinary commands go through {@link
 * SlotRouter}, which sends each to the master of its key's slot and follows {@code MOVED} and
 * {@code ASK}; a session's key and channel share a hash tag, so its update script and the script's
 * {@code SPUBLISH} run on that one master. Listening is {@link ClusterSubscriptions}. Both work from
 * the slot map {@link ClusterTopology} keeps.
 *
 * <p>The cluster must be configured with {@code cluster-require-full-coverage no}: otherwise a
 * master lost without a replica stops every shard, not just its own sessions.
 */
final class ClusterRedis implements RedisDeployment {
  /** How often the slot map is read again when nothing prompted it. */
  static final long TOPOLOGY_REFRESH_MS = 1_000;

  private final Vertx vertx;
  private final long timeoutMs;
  private final SlotRouter client;
  private final ClusterTopology topology;

  /** How every node is reached: the first seed's trust and password, at the node's address. */
  private final RedisEndpoint seed;

  ClusterRedis(Vertx vertx, List<RedisEndpoint> seeds, long timeoutMs) {
    if (seeds.isEmpty()) throw new IllegalArgumentException("a cluster needs at least one seed node");
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.seed = seeds.get(0);
    this.topology = new ClusterTopology(vertx, seeds.stream().map(RedisEndpoint::url).toList(), this::oneConnection,
        timeoutMs, TOPOLOGY_REFRESH_MS);
    // Per master, the pool a single Redis gets (StandaloneRedis).
    this.client = new SlotRouter(topology, endpoint -> Redis.createClient(vertx, options(endpoint)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(4_096)
        .setMaxWaitingHandlers(4_096)));
    topology.start();
  }

  /** A client that holds at most one connection to one node; closing it surely drops that socket. */
  private Redis oneConnection(String endpoint) {
    return Redis.createClient(vertx, options(endpoint).setMaxPoolSize(1).setMaxPoolWaiting(16));
  }

  private RedisOptions options(String url) {
    return new RedisEndpoint(url, seed.caFile(), seed.password()).options(timeoutMs);
  }

  @Override
  public RedisKeys keys() {
    return RedisKeys.CLUSTER;
  }

  @Override
  public Redis commandClient() {
    return client;
  }

  @Override
  public Subscriptions subscriptions(RedisCommands commands, BiFunction<String, byte[], Session> decoder,
      Function<String, Future<Session>> reader, BiConsumer<String, Session> reread) {
    return new ClusterSubscriptions(vertx, topology, RedisKeys.CLUSTER,
        endpoint -> new RedisSubscriptions(vertx, () -> oneConnection(endpoint), commands, decoder,
            RedisKeys.CLUSTER, topology::refresh, reread),
        reader);
  }

  /** The cluster answers when some node tells the slot map (a lost shard alone does not make a node unready). */
  @Override
  public Future<Void> ping(RedisCommands commands) {
    return topology.refresh();
  }

  @Override
  public Future<Void> close() {
    return topology.close();
  }
}
