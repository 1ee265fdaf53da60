package app.roundtable.store.redis;

import app.roundtable.store.Deadlines;
import app.roundtable.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeoutException;

/**
 * Sends commands on the shared connection pool, each with a deadline. Whatever goes wrong on the
 * way (refused connection, timeout, closed socket, error reply) fails the future with {@link
 * StoreUnavailableException}, whose cause tells which.
 */
final class RedisCommands {
  private final Redis client;
  private final long timeoutMs;
  private final Deadlines deadlines;

  RedisCommands(Redis client, long timeoutMs, Deadlines deadlines) {
    this.client = client;
    this.timeoutMs = timeoutMs;
    this.deadlines = deadlines;
  }

  Future<Response> send(Request request) {
    String command = request.command().toString();
    return deadlines.within(client.send(request), timeoutMs,
            () -> new TimeoutException("no answer in " + timeoutMs + " ms"))
        .recover(e -> Future.failedFuture(unavailable(command, e)));
  }

  long timeoutMs() {
    return timeoutMs;
  }

  static StoreUnavailableException unavailable(Request request, Throwable cause) {
    return unavailable(request.command().toString(), cause);
  }

  /** By the command's name: a pending reply keeps no reference to its request (the encoded session). */
  static StoreUnavailableException unavailable(String command, Throwable cause) {
    if (cause instanceof StoreUnavailableException s) return s;
    String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new StoreUnavailableException("redis " + command + ": " + why, cause);
  }

  /** True when Redis answered with an error reply starting with {@code code} (e.g. NOSCRIPT). */
  static boolean isErrorReply(Throwable e, String code) {
    Throwable cause = e instanceof StoreUnavailableException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() != null && cause.getMessage().startsWith(code);
  }
}
