package app.roundtable.server;

import app.roundtable.store.SessionStore;
import app.roundtable.store.redis.RedisEndpoint;
import app.roundtable.store.redis.RedisSessionStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Builds the Redis store when REDIS_URL is set. */
final class StoreFactory {
  private StoreFactory() {}

  static SessionStore redis(Vertx vertx, Config config, LongSupplier clock, Duration ttl) {
    return new RedisSessionStore(vertx, new RedisEndpoint(config.redisUrl(), config.redisCaFile(), config.redisPassword()), ttl.toMillis(),
        RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS);
  }
}
