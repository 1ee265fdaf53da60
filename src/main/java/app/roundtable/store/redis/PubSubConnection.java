package app.roundtable.store.redis;

import app.roundtable.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pub/sub connection that stays up, for {@link RedisSubscriptions}: it connects (with a
 * deadline), reconnects with backoff when lost, and counts as lost when nothing came from it for a
 * while. It tells its owner when a connection is up (to subscribe everything), when it is gone
 * (nothing is subscribed any more) and hands it everything received. Runs on its owner's context.
 */
final class PubSubConnection {
  private static final Logger LOG = LoggerFactory.getLogger(PubSubConnection.class);
  private static final long MIN_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 2_000;

  /** What the owner is told, always on its context. */
  interface Owner {
    void up(RedisConnection c);

    void down();

    void received(Response r);
  }

  private final Vertx vertx;
  private final Context ctx;
  /** Makes a client for one pub/sub connection; closing that client is the sure way to drop its socket. */
  private final Supplier<Redis> clients;
  private final long timeoutMs;
  private final Owner owner;
  /** Null while disconnected. */
  private RedisConnection conn;
  /** The client behind {@link #conn}, or behind the connection attempt in progress. */
  private Redis client;
  private boolean connecting;
  private boolean closed;
  private long backoffMs = MIN_BACKOFF_MS;
  private long reconnectTimer = -1;
  private long healthTimer = -1;
  /** When anything last came from {@link #conn} (a message, a confirmation, a PING's reply). */
  private long lastHeard;

  PubSubConnection(Vertx vertx, Context ctx, Supplier<Redis> clients, long timeoutMs, Owner owner) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.clients = clients;
    this.timeoutMs = timeoutMs;
    this.owner = owner;
  }

  /** The connection now, or null while there is none. */
  RedisConnection current() {
    return conn;
  }

  Future<Void> close() {
    closed = true;
    if (reconnectTimer >= 0) vertx.cancelTimer(reconnectTimer);
    if (healthTimer >= 0) vertx.cancelTimer(healthTimer);
    conn = null;
    Redis c = client;
    client = null;
    return c == null ? Future.succeededFuture() : c.close();
  }

  void connect() {
    if (closed || connecting || conn != null) return;
    connecting = true;
    Redis attempt = clients.get();
    client = attempt;
    // The client's own connect timeout covers TCP only; a server that accepts but never answers
    // the handshake would otherwise stall reconnection forever.
    long timer = vertx.setTimer(timeoutMs, t -> {
      if (client == attempt && conn == null) giveUp(attempt, "pub/sub connect timed out");
    });
    attempt.connect().onComplete(ar -> ctx.runOnContext(v -> {
      vertx.cancelTimer(timer);
      if (client != attempt || closed) {
        attempt.close();
        return;
      }
      if (ar.failed()) {
        giveUp(attempt, "pub/sub connect failed: " + ar.cause());
        return;
      }
      RedisConnection c = ar.result();
      connecting = false;
      conn = c;
      lastHeard = System.nanoTime();
      backoffMs = MIN_BACKOFF_MS;
      c.handler(r -> ctx.runOnContext(x -> {
        if (c != conn) return;
        heard(c);
        owner.received(r);
      }));
      c.exceptionHandler(e -> ctx.runOnContext(x -> lost(c, e)));
      c.endHandler(e -> ctx.runOnContext(x -> lost(c, null)));
      owner.up(c);
      checkHealth(c);
    }));
  }

  private void giveUp(Redis attempt, String why) {
    LOG.debug("redis {}", why);
    connecting = false;
    client = null;
    attempt.close();
    scheduleReconnect();
  }

  /**
   * A connection can die without a FIN (network partition, frozen server): a periodic PING, and
   * the connection counts as lost when nothing at all came from it for a while. Judged on anything
   * heard, not on the PING's own reply: the Redis client hands a push (a published message) that
   * arrives while a command waits to that command's slot, so under traffic a PING's future may never
   * complete although the server answered. Taking that as a dead connection reconnected it every
   * few seconds under load, and each reconnect lost the messages published meanwhile (clients saw
   * versions jump). With traffic flowing, the messages themselves are the proof of life.
   */
  private void checkHealth(RedisConnection c) {
    long tickMs = Math.max(250, timeoutMs / 2);
    healthTimer = vertx.setTimer(tickMs, t -> {
      healthTimer = -1;
      if (c != conn) return;
      if (System.nanoTime() - lastHeard > TimeUnit.MILLISECONDS.toNanos(timeoutMs + tickMs)) {
        lost(c, new StoreUnavailableException("pub/sub connection silent for " + (timeoutMs + tickMs) + " ms"));
        return;
      }
      c.send(Request.cmd(Command.PING)).onSuccess(r -> ctx.runOnContext(v -> heard(c)));
      checkHealth(c);
    });
  }

  /** Something came from {@code c}: it is alive now. */
  private void heard(RedisConnection c) {
    if (c == conn) lastHeard = System.nanoTime();
  }

  private void lost(RedisConnection c, Throwable cause) {
    if (c != conn) return;
    LOG.debug("redis pub/sub connection lost: {}", String.valueOf(cause));
    conn = null;
    owner.down();
    // The socket may still be open (an unanswered PING): closing its client drops it for sure.
    Redis dead = client;
    client = null;
    if (dead != null) dead.close();
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnectTimer >= 0) return;
    long delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    reconnectTimer = vertx.setTimer(delay, t -> {
      reconnectTimer = -1;
      connect();
    });
  }
}
