package app.roundtable.store.redis;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
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
  /** What the script did; on a conflict, with the state that is stored instead. */
  sealed interface Result {
    record Written() implements Result {}

    record NoSession() implements Result {}

    record Conflict(Session stored) implements Result {}
  }

  private static final String SOURCE = read("/redis/apply.lua");
  private static final String SHA = sha1(SOURCE);

  private final RedisCommands commands;
  private final RedisKeys keys;

  ApplyScript(RedisCommands commands, RedisKeys keys) {
    this.commands = commands;
    this.keys = keys;
  }

  Future<Result> apply(String code, long expectedVersion, byte[] newState, long ttlMs) {
    String version = Long.toString(expectedVersion);
    return commands.send(request(Command.EVALSHA, SHA, code, version, newState, ttlMs))
        .recover(e -> RedisCommands.isErrorReply(e, "NOSCRIPT")
            ? commands.send(request(Command.EVAL, SOURCE, code, version, newState, ttlMs))
            : Future.failedFuture(e))
        .map(ApplyScript::result);
  }

  private static Result result(Response r) {
    if (r.type() == ResponseType.BULK) return new Result.Conflict(SessionCodec.decode(r.toBytes()));
    return switch (r.toInteger()) {
      case 1 -> new Result.Written();
      case -1 -> new Result.NoSession();
      default -> throw new IllegalStateException("apply.lua returned " + r);
    };
  }

  private Request request(Command cmd, String script, String code, String version, byte[] state, long ttlMs) {
    return Request.cmd(cmd)
        .arg(script)
        .arg(1)
        .arg(keys.state(code))
        .arg(version)
        .arg(state)
        .arg(ttlMs)
        .arg(keys.channel(code))
        .arg(keys.publish);
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
