package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One Redis (or a Sentinel-less replica set behind one address): classic pub/sub, the names as ever. */
final class StandaloneRedis implements RedisDeployment {
  private final Vertx vertx;
  private final RedisEndpoint endpoint;
  private final long timeoutMs;
  private final Redis client;

  StandaloneRedis(Vertx vertx, RedisEndpoint endpoint, long timeoutMs) {
    this.vertx = vertx;
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
    this.client = Redis.createClient(vertx, endpoint.options(timeoutMs)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(4_096)
        .setMaxWaitingHandlers(4_096));
  }

  @Override
  public RedisKeys keys() {
    return RedisKeys.STANDALONE;
  }

  @Override
  public Redis commandClient() {
    return client;
  }

  @Override
  public Subscriptions subscriptions(RedisCommands commands, BiFunction<String, byte[], Session> decoder,
      Function<String, Future<Session>> reader, BiConsumer<String, Session> reread) {
    // A client of its own per pub/sub connection: a subscribed connection must never be handed out
    // for ordinary commands, and closing the client is what surely drops a half-dead socket.
    RedisOptions pubsub = endpoint.options(timeoutMs).setMaxPoolSize(1).setMaxPoolWaiting(1);
    return new RedisSubscriptions(vertx, () -> Redis.createClient(vertx, pubsub), commands, decoder,
        RedisKeys.STANDALONE, () -> {}, reread);
  }

  @Override
  public Future<Void> ping(RedisCommands commands) {
    return commands.send(Request.cmd(Command.PING)).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
