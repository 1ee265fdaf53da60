package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertServes;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that sends far more than 20 commands a second: the excess gets {@code rate_limited},
 * what was accepted is applied exactly once, the socket stays, and a second later it may go on.
 */
class FloodTest extends InMemoryNodeTest {
  static final int FLOOD = 200;
  String code;
  WsClient fac;
  WsClient flooder;
  WsClient bystander;

  @BeforeEach
  void session() {
    JsonObject created = http.createSession("Flood", "first");
    code = created.getString("code");
    fac = WsClient.connect(clients, node.port());
    fac.joinWithKey(code, "Fay", created.getString("facilitatorKey"));
    fac.command("setBoardPhase", "phase", "writing");
    flooder = WsClient.connect(clients, node.port());
    flooder.join(code, "Flo");
    bystander = WsClient.connect(clients, node.port());
    bystander.join(code, "Bea");
  }

  @AfterEach
  void close() {
    fac.close();
    flooder.close();
    bystander.close();
  }

  @Test
  void aFloodOfCommandsIsRateLimitedAndOnlyTheAcceptedOnesApply() {
    Snapshot before = snapshot(flooder);
    for (int i = 0; i < FLOOD; i++) {
      flooder.sendRaw(new JsonObject().put("type", "postIdea").put("id", "f" + i).put("text", "Idea " + i).encode());
    }
    Map<String, Integer> replies = repliesTo(flooder, "f");
    int acks = replies.getOrDefault("ack", 0);
    int limited = replies.getOrDefault("rate_limited", 0);
    assertEquals(FLOOD, acks + limited, "every frame answered, with an ack or rate_limited: " + replies);
    assertTrue(limited > 0, "some were refused: " + replies);
    // A burst of 20 (the join took one) and whatever refilled while the frames arrived.
    assertTrue(acks >= 15, "a burst is allowed: " + replies);
    assertTrue(acks < FLOOD / 2, "most were refused: " + replies);
    // The socket stayed, and a moment later commands go through again.
    assertFalse(flooder.isClosed());
    long floodEnded = System.currentTimeMillis();
    long ok = commandWhenAllowed(flooder, "postIdea", "text", "After the flood");
    assertTrue(System.currentTimeMillis() - floodEnded < 1500, "allowed again within about a second");
    assertAlive(flooder);

    // Exactly the accepted ones were applied, each once.
    Snapshot after = snapshot(flooder);
    assertEquals(before.v() + acks + 1, ok);
    assertEquals(ok, after.v());
    assertEquals(acks + 1, after.state().getJsonObject("board").getInteger("ideaCount"));
    assertEquals(acks + 1, after.you().getJsonArray("myIdeas").size());
    // Others were served throughout and saw every version, in order.
    bystander.awaitVersion(after.v());
    FirstSessionFlowTest.assertVersionsInOrder(bystander);
    assertAlive(bystander);
    assertServes(clients, node.port(), code);
  }

  @Test
  void aFloodOfGarbageIsAnsweredAndTheSocketStays() {
    Snapshot before = snapshot(flooder);
    for (int i = 0; i < FLOOD; i++) flooder.sendRaw("{\"type\":\"noSuchThing\",\"id\":\"g" + i + "\"}");
    Map<String, Integer> replies = repliesTo(flooder, "g");
    assertEquals(FLOOD, replies.getOrDefault("bad_request", 0) + replies.getOrDefault("rate_limited", 0),
        "only bad_request or rate_limited: " + replies);
    assertTrue(replies.getOrDefault("rate_limited", 0) > 0, "garbage counts against the rate too: " + replies);
    commandWhenAllowed(flooder, "sync");
    assertEquals(before.v(), snapshot(flooder).v());
    assertAlive(flooder);
    assertAlive(bystander);
  }

  @Test
  void aFloodOfPingsIsLimitedToo() {
    for (int i = 0; i < FLOOD; i++) flooder.sendRaw("{\"type\":\"ping\",\"id\":\"p" + i + "\",\"t\":" + i + "}");
    int pongs = 0;
    int limited = 0;
    long end = System.currentTimeMillis() + 5000;
    while (pongs + limited < FLOOD && System.currentTimeMillis() < end) {
      JsonObject m = flooder.next();
      if ("state".equals(m.getString("type")) || "you".equals(m.getString("type"))) continue;
      if ("pong".equals(m.getString("type"))) pongs++;
      else if ("rate_limited".equals(m.getString("code"))) limited++;
      else fail("unexpected " + m.encode());
    }
    assertEquals(FLOOD, pongs + limited);
    assertTrue(limited > 0 && pongs >= 15, pongs + " pongs, " + limited + " limited");
    commandWhenAllowed(flooder, "sync");
    assertAlive(flooder);
  }

  /** Takes frames until every command with an id starting {@code prefix} was answered: counts by outcome. */
  private static Map<String, Integer> repliesTo(WsClient c, String prefix) {
    Map<String, Integer> counts = new HashMap<>();
    int answered = 0;
    long end = System.currentTimeMillis() + 10_000;
    while (answered < FLOOD) {
      if (System.currentTimeMillis() > end) fail("only " + answered + " of " + FLOOD + " answered: " + counts);
      JsonObject m = c.next();
      String id = m.getString("id");
      if (id == null || !id.startsWith(prefix)) continue;
      String outcome = "ack".equals(m.getString("type")) ? "ack" : m.getString("code");
      counts.merge(outcome, 1, Integer::sum);
      answered++;
    }
    return counts;
  }

  /** Retries a command while it is rate limited (for at most 3 s); returns its ack's version. */
  private static long commandWhenAllowed(WsClient c, String type, Object... fields) {
    long end = System.currentTimeMillis() + 3000;
    while (System.currentTimeMillis() < end) {
      String id = c.send(type, fields);
      JsonObject reply = c.next(m -> id.equals(m.getString("id")));
      if ("ack".equals(reply.getString("type"))) return reply.getLong("v");
      assertEquals("rate_limited", reply.getString("code"), reply.encode());
    }
    throw new AssertionError(type + " still rate limited after 3 s");
  }
}
