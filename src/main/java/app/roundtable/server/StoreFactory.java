package app.roundtable.server;

import app.roundtable.store.SessionStore;
import app.roundtable.store.redis.RedisSessionStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Builds the Redis store when REDIS_URL is set: one Redis, or a cluster with REDIS_MODE=cluster. */
final class StoreFactory {
  private StoreFactory() {}

  static SessionStore redis(Vertx vertx, Config config, LongSupplier clock, Duration ttl) {
    if (config.redisCluster()) {
      return RedisSessionStore.cluster(vertx, config.redisSeeds(), ttl.toMillis(), RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS);
    }
    return new RedisSessionStore(vertx, config.redisUrl(), ttl.toMillis());
  }
}
