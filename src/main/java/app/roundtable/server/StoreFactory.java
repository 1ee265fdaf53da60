package app.roundtable.server;

import app.roundtable.store.InMemorySessionStore;
import app.roundtable.store.SessionStore;
import app.roundtable.store.redis.RedisEndpoint;
import app.roundtable.store.redis.RedisSessionStore;
import app.roundtable.store.sqlite.SqliteSessionStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** Builds the store that STORE (or REDIS_URL) names; Redis as one server, or a cluster with REDIS_MODE=cluster. */
final class StoreFactory {
  private StoreFactory() {}

  /** Blocks while the SQLite store loads its file; fails with a message for the operator. */
  static SessionStore open(Vertx vertx, Config config, Metrics metrics, LongSupplier clock) {
    Duration ttl = Duration.ofDays(config.sessionTtlDays());
    return switch (config.store()) {
      case Config.STORE_REDIS -> redis(vertx, config, ttl);
      case Config.STORE_MEMORY -> new InMemorySessionStore(vertx, clock, ttl, config.edge().maxSessions());
      default -> {
        SqliteSessionStore s = SqliteSessionStore.open(vertx,
            new SqliteSessionStore.Options(Path.of(config.dataDir()), ttl.toMillis(), config.sqliteSyncFull(),
                config.sqliteMaxPages(), config.edge().maxSessions()), clock);
        s.onCommit(metrics::storeCommit);
        yield s;
      }
    };
  }

  /** For the start-up line: which store, and where. */
  static String describe(Config config) {
    return switch (config.store()) {
      case Config.STORE_REDIS -> config.redisCluster() ? "Redis Cluster" : "Redis";
      case Config.STORE_MEMORY -> "in-memory";
      default -> "SQLite in " + Path.of(config.dataDir()).toAbsolutePath();
    };
  }

  private static SessionStore redis(Vertx vertx, Config config, Duration ttl) {
    long timeoutMs = RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS;
    if (config.redisCluster()) {
      List<RedisEndpoint> seeds = config.redisSeeds().stream()
          .map(url -> new RedisEndpoint(url, config.redisCaFile(), config.redisPassword())).toList();
      return RedisSessionStore.cluster(vertx, seeds, ttl.toMillis(), timeoutMs);
    }
    return new RedisSessionStore(vertx, new RedisEndpoint(config.redisUrl(), config.redisCaFile(), config.redisPassword()),
        ttl.toMillis(), timeoutMs);
  }
}
