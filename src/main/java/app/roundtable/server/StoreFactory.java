package app.roundtable.server;

import app.roundtable.store.SessionStore;
import app.roundtable.store.redis.RedisEndpoint;
import app.roundtable.store.redis.RedisSessionStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** Builds the Redis store when REDIS_URL is set: one Redis, or a cluster with REDIS_MODE=cluster. */
final class StoreFactory {
  private StoreFactory() {}

  static SessionStore redis(Vertx vertx, Config config, LongSupplier clock, Duration ttl) {
    long timeoutMs = RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS;
    if (config.redisCluster()) {
      List<RedisEndpoint> seeds = config.redisSeeds().stream()
          .map(url -> new RedisEndpoint(url, config.redisCaFile(), config.redisPassword())).toList();
      return RedisSessionStore.cluster(vertx, seeds, ttl.toMillis(), timeoutMs);
    }
    return new RedisSessionStore(vertx, new RedisEndpoint(config.redisUrl(), config.redisCaFile(), config.redisPassword()), ttl.toMillis(),
        timeoutMs);
  }
}
