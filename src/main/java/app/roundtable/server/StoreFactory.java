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
    Duration ttl = Duration.ofDays(config.sessions().ttlDays());
    Config.Sessions sessions = config.sessions();
    int maxSessions = sessions.edge().maxSessions();
    return config.store().<SessionStore>match(
        memory -> new InMemorySessionStore(vertx, clock, ttl, maxSessions, sessions.size(), sessions.maxResidentBytes()),
        sqlite -> {
          SqliteSessionStore s = SqliteSessionStore.open(vertx, new SqliteSessionStore.Options(Path.of(sqlite.dataDir()),
              ttl.toMillis(), sqlite.syncFull(), sqlite.maxPages(), maxSessions, sessions.size(),
              sessions.maxResidentBytes()), clock);
          s.onCommit(metrics::storeCommit);
          return s;
        },
        redis -> redis(vertx, redis, ttl, sessions.size()));
  }

  /** For the start-up line: which store, and where. */
  static String describe(Config.Store store) {
    return store.match(memory -> "in-memory",
        sqlite -> "SQLite in " + Path.of(sqlite.dataDir()).toAbsolutePath(),
        redis -> redis.cluster() ? "Redis Cluster" : "Redis");
  }

  private static SessionStore redis(Vertx vertx, Config.Store.Redis redis, Duration ttl, app.roundtable.store.SessionSize size) {
    RedisSessionStore.Options options = new RedisSessionStore.Options(ttl.toMillis(),
        RedisSessionStore.DEFAULT_COMMAND_TIMEOUT_MS, size, Duration.ofSeconds(Math.max(1, redis.cacheIdleSeconds())));
    if (redis.cluster()) {
      List<RedisEndpoint> seeds = redis.seeds().stream()
          .map(url -> new RedisEndpoint(url, redis.caFile(), redis.password())).toList();
      return RedisSessionStore.cluster(vertx, seeds, options);
    }
    return new RedisSessionStore(vertx, new RedisEndpoint(redis.url(), redis.caFile(), redis.password()), options);
  }
}
