package app.roundtable.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks shared by the bad-input tests: a refusal changed nothing, the socket is still usable, and
 * the server still serves others.
 */
public final class Edge {
  private Edge() {}

  /** What one connection sees of its session at one moment: version, public state, private view. */
  public record Snapshot(long v, JsonObject state, JsonObject you) {}

  /** Asks for a fresh state with {@code sync} and returns what came back before its ack. */
  public static Snapshot snapshot(WsClient c) {
    String id = c.send("sync");
    JsonObject[] state = new JsonObject[1];
    JsonObject[] you = new JsonObject[1];
    JsonObject ack = c.next(m -> {
      String type = m.getString("type");
      if ("state".equals(type)) state[0] = m;
      if ("you".equals(type)) you[0] = m.getJsonObject("you");
      return id.equals(m.getString("id"));
    });
    assertEquals("ack", ack.getString("type"), "sync refused: " + ack.encode());
    assertNotNull(state[0], "sync sent no state");
    assertEquals(state[0].getLong("v"), ack.getLong("v"), "sync's ack carries the state's version");
    return new Snapshot(ack.getLong("v"), state[0].getJsonObject("state"), you[0]);
  }

  /** Nothing changed since {@code before}: same version, same public state, same private view. */
  public static void assertUnchanged(WsClient c, Snapshot before) {
    Snapshot after = snapshot(c);
    assertEquals(before.v(), after.v(), "the version moved");
    assertEquals(before.state(), after.state(), "the state changed");
    assertEquals(before.you(), after.you(), "the private view changed");
  }

  /** The socket still answers: a {@code ping} gets its {@code pong}. */
  public static void assertAlive(WsClient c) {
    long t = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    c.send("ping", "t", t);
    JsonObject pong = c.next(m -> "pong".equals(m.getString("type")) && m.getLong("t") == t);
    assertNotNull(pong.getLong("serverTime"));
  }

  /** Sends a frame as is (paced like {@link WsClient#send}) and returns the error it must get. */
  public static JsonObject rawError(WsClient c, String frame) {
    pace();
    c.sendRaw(frame);
    return c.nextOfType("error");
  }

  /** The node still serves: a new client can join {@code code} and gets its welcome. */
  public static void assertServes(Vertx vertx, int port, String code) {
    try (WsClient other = WsClient.connect(vertx, port)) {
      JsonObject w = other.join(code, "Late " + ThreadLocalRandom.current().nextInt(1000));
      assertNotNull(w.getString("memberId"));
      assertAlive(other);
    }
  }

  /** Keeps hand-written frames under the 20/s limit, as {@link WsClient#send} does for commands. */
  public static void pace() {
    try {
      Thread.sleep(60);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
