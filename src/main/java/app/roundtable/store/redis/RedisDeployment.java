package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What differs between one Redis and a Redis Cluster, for {@link RedisSessionStore}: the names
 * (hash-tagged in a cluster), the client ordinary commands go through (the cluster client follows
 * {@code MOVED}/{@code ASK}), how this node listens for new versions, and what "the store answers"
 * means for readiness. Everything else (the update script, lanes, retries) is the same.
 */
interface RedisDeployment {
  RedisKeys keys();

  /** The pooled client for ordinary commands (never subscribed). */
  Redis commandClient();

  /**
   * This node's listeners. {@code decoder} turns published or read bytes into a session; {@code
   * reader} reads a session as stored now; {@code reread} is told every state a re-subscription
   * read (null: missing), so that a Redis gone back in time is noticed ({@link Amnesia}).
   */
  Subscriptions subscriptions(RedisCommands commands, BiFunction<String, byte[], Session> decoder,
      Function<String, Future<Session>> reader, BiConsumer<String, Session> reread);

  /** Succeeds when the deployment answers now. */
  Future<Void> ping(RedisCommands commands);

  /** Closes whatever the deployment holds besides the command client and the subscriptions. */
  Future<Void> close();
}
