package app.roundtable.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code redis/delete.lua}: the key deleted, a deletion mark set, the tombstone published, in one step. */
final class DeleteScript {
  private static final String SOURCE = read();
  /**
   * How long the mark stays. A node told of the delete lets go of the session at once; a node
   * whose pub/sub connection dropped the tombstone keeps its sockets until they next read, which
   * the presence sweep and every command do within minutes. A day is far past that, and the mark
   * holds only the code.
   */
  static final long MARK_MS = 24L * 3600 * 1000;

  private final RedisCommands commands;
  private final RedisKeys keys;

  DeleteScript(RedisCommands commands, RedisKeys keys) {
    this.commands = commands;
    this.keys = keys;
  }

  /** True when there was a session to delete. */
  Future<Boolean> delete(String code) {
    return commands.send(Request.cmd(Command.EVAL).arg(SOURCE).arg(2).arg(keys.state(code)).arg(keys.deleted(code))
            .arg(MARK_MS).arg(keys.channel(code)).arg(keys.publish).arg(RedisKeys.TOMBSTONE))
        .map(r -> r != null && r.toInteger() == 1);
  }

  private static String read() {
    try (InputStream in = DeleteScript.class.getResourceAsStream("/redis/delete.lua")) {
      if (in == null) throw new IllegalStateException("missing resource /redis/delete.lua");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
