package app.roundtable.store.redis;

import app.roundtable.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;

/**
 * Sends commands on the shared connection pool, each with a deadline. Whatever goes wrong on the
 * way (refused connection, timeout, closed socket, error reply) fails the future with {@link
 * StoreUnavailableException}, whose cause tells which.
 */
final class RedisCommands {
  private final Redis client;
  private final long timeoutMs;

  RedisCommands(Redis client, long timeoutMs) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  Future<Response> send(Request request) {
    return client.send(request)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(unavailable(request, e)));
  }

  long timeoutMs() {
    return timeoutMs;
  }

  static StoreUnavailableException unavailable(Request request, Throwable cause) {
    if (cause instanceof StoreUnavailableException s) return s;
    String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new StoreUnavailableException("redis " + request.command() + ": " + why, cause);
  }

  /** True when Redis answered with an error reply starting with {@code code} (e.g. NOSCRIPT). */
  static boolean isErrorReply(Throwable e, String code) {
    Throwable cause = e instanceof StoreUnavailableException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() != null && cause.getMessage().startsWith(code);
  }
}
