package app.roundtable.server;

import app.roundtable.store.SessionStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Builds the Redis store when REDIS_URL is set. */
final class StoreFactory {
  private StoreFactory() {}

  static SessionStore redis(Vertx vertx, Config config, LongSupplier clock, Duration ttl) {
    throw new IllegalStateException("REDIS_URL is set but this build has no Redis store yet");
  }
}
