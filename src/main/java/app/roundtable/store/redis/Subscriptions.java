package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionStore.Subscription;
import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * This node's session listeners fed from Redis pub/sub: from one connection to a single Redis
 * ({@link RedisSubscriptions}), or from one connection per shard of a cluster ({@link
 * ClusterSubscriptions}). Same promises as {@link app.roundtable.store.SessionStore#subscribe}.
 */
interface Subscriptions {
  Future<Subscription> subscribe(String code, Consumer<Session> listener);

  /** Whether some listener on this node follows {@code code} (any thread). */
  boolean serves(String code);

  Future<Void> close();
}
