package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.LogTag;
import app.roundtable.store.SessionCodec;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.ResponseType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that Redis went back in time for a session this node serves, and repairs it. Redis can lose its last writes (the AOF's
 * one-second window, a restart without persistence) while nodes still hold newer states: version
 * numbers would then be handed out again, a node would drop the "old" version as already seen, and
 * clients would keep content that no longer exists. Whenever a node reads a session (an update's
 * read or conflict, a re-subscription's read) that is missing or older than the newest it holds,
 * it writes that newest state back ({@code redis/reseed.lua}) at a version {@link #JUMP} above it,
 * higher than any version a client of any node can have seen, and publishes it: every client sees
 * its version jump, syncs, and converges. A change that only a Redis that died had seen, and no
 * node, is lost: there is nothing to re-seed it from (docs/concurrency.md).
 */
final class Amnesia {
  private static final Logger LOG = LoggerFactory.getLogger(Amnesia.class);
  /**
   * How far a re-seeded version jumps: above the versions other nodes may have delivered that
   * this node had not received yet (a handful in flight; a thousand is far beyond that).
   */
  static final long JUMP = 1_000;
  private static final String SCRIPT = read();

  private final RedisCommands commands;
  private final RecentStates recent;
  private final RedisKeys keys;
  private final long ttlMs;
  /** Sessions this node serves (has listeners for), with their newest states: only those are put back. */
  private final ServedStates served;

  Amnesia(RedisCommands commands, RecentStates recent, RedisKeys keys, long ttlMs, ServedStates served) {
    this.commands = commands;
    this.recent = recent;
    this.keys = keys;
    this.ttlMs = ttlMs;
    this.served = served;
  }

  /**
   * {@code stored} (null: missing) as read from Redis, or, when this node holds a newer state of
   * the session that should not have expired yet, that state re-seeded above it.
   */
  Future<Session> check(String code, Session stored) {
    // Only a session this node serves: one it merely touched may have been deleted on purpose or
    // expired, and a served one is written (presence) long before its TTL runs out. Its newest
    // state is what the node's sockets hold ({@link ServedStates}), however long it sat idle;
    // the recent cache may know a newer one this node just wrote.
    if (!served.serves(code)) return Future.succeededFuture(stored);
    Session known = newer(served.newest(code), recent.get(code));
    if (known == null || (stored != null && stored.version >= known.version)) return Future.succeededFuture(stored);
    if (stored == null && known.updatedAt + ttlMs < System.currentTimeMillis()) return Future.succeededFuture(stored);
    Session next = known.copy();
    next.version = known.version + JUMP;
    String held = stored == null ? "nothing" : "v" + stored.version;
    byte[] encoded = SessionCodec.encode(next);
    Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(2).arg(keys.state(code)).arg(keys.deleted(code))
        .arg(known.version).arg(encoded).arg(ttlMs).arg(keys.channel(code)).arg(keys.publish);
    recent.writing(next, encoded);
    return commands.send(eval).andThen(ar -> recent.written(next)).map(r -> {
      if (r.type() != ResponseType.BULK && r.toInteger() == 0) {
        // Deleted on purpose while this node still held it: gone, as the delete said.
        served.deleted(code);
        recent.forget(code);
        return null;
      }
      if (r.type() == ResponseType.BULK) {
        // Not lost: the read raced a newer write (the publish, on its own connection, came first).
        LOG.debug("{} read at {} behind v{}; Redis holds it, nothing re-seeded", LogTag.session(code), held, known.version);
        return recent.decode(code, r.toBytes());
      }
      LOG.atWarn().addKeyValue("event", "redis_lost_session").addKeyValue("session", LogTag.session(code))
          .log("redis lost {} (held {}, this node saw v{}): re-seeded it as v{}", LogTag.session(code), held, known.version,
              next.version);
      recent.offer(next, encoded.length);
      served.offer(next);
      return next;
    });
  }

  private static Session newer(Session a, Session b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.version >= b.version ? a : b;
  }

  private static String read() {
    try (InputStream in = Amnesia.class.getResourceAsStream("/redis/reseed.lua")) {
      if (in == null) throw new IllegalStateException("missing resource /redis/reseed.lua");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
