package app.roundtable.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code redis/apply.lua}: version check, write and publish in one atomic step (the script's header
 * states its contract). Read from the classpath once; run by SHA with EVALSHA, falling back to EVAL
 * (which also caches it in Redis) when the server does not know it yet, e.g. after a restart.
 */
final class ApplyScript {
  /** What the script did. */
  enum Result { WRITTEN, CONFLICT, NO_SESSION }

  private static final String SOURCE = read("/redis/apply.lua");
  private static final String SHA = sha1(SOURCE);

  private final RedisCommands commands;

  ApplyScript(RedisCommands commands) {
    this.commands = commands;
  }

  Future<Result> apply(String code, long expectedVersion, byte[] newState, long ttlMs) {
    String version = Long.toString(expectedVersion);
    return commands.send(request(Command.EVALSHA, SHA, code, version, newState, ttlMs))
        .recover(e -> RedisCommands.isErrorReply(e, "NOSCRIPT")
            ? commands.send(request(Command.EVAL, SOURCE, code, version, newState, ttlMs))
            : Future.failedFuture(e))
        .map(r -> switch (r.toInteger()) {
          case 1 -> Result.WRITTEN;
          case 0 -> Result.CONFLICT;
          case -1 -> Result.NO_SESSION;
          default -> throw new IllegalStateException("apply.lua returned " + r);
        });
  }

  private static Request request(Command cmd, String script, String code, String version, byte[] state, long ttlMs) {
    return Request.cmd(cmd)
        .arg(script)
        .arg(1)
        .arg(RedisKeys.state(code))
        .arg(version)
        .arg(state)
        .arg(ttlMs)
        .arg(RedisKeys.channel(code));
  }

  private static String read(String resource) {
    try (InputStream in = ApplyScript.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
