package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis frozen (SIGSTOP: connections open, nothing answered): every command that needs the store
 * gets {@code unavailable} carrying its own {@code id} within the contract's 2 s, the connection
 * stays up, and once Redis answers again the same connections sync and go on.
 */
class UnavailableAnswerTest {
  static RedisServer redis;
  static Vertx clients;
  static RoundtableNode node;

  @BeforeAll
  static void start() {
    redis = RedisServer.startOrConnect();
    clients = Vertx.vertx();
    node = Nodes.start(TestConfig.redis(redis.url(), Map.of("NODE_ID", "frozen", "VERTICLES", "2")));
  }

  @AfterAll
  static void stop() {
    Nodes.await(clients.close());
    Nodes.await(node.close());
    redis.close();
  }

  @Test
  void aFrozenStoreAnswersEveryCommandWithItsIdWithinTwoSeconds() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Frozen", "blank");
    fac.command("setBoardPhase", "phase", "writing");
    WsClient joiner = WsClient.connect(clients, node.port());

    redis.freeze();
    try {
      assertUnavailableInTime(fac, () -> fac.send("postIdea", "text", "while Redis sleeps"));
      assertUnavailableInTime(fac, () -> fac.send("sync"));
      assertUnavailableInTime(joiner, () -> joiner.send(new JsonObject().put("type", "join")
          .put("code", fac.code).put("name", "Jo")));
    } finally {
      redis.thaw();
    }

    // Same sockets: sync, then the change goes through; the joiner joins after all.
    long deadline = System.currentTimeMillis() + 15_000;
    long v = -1;
    while (v < 0) {
      assertTrue(System.currentTimeMillis() < deadline, "the store never came back");
      String id = fac.send("sync");
      if ("ack".equals(fac.next(m -> id.equals(m.getString("id"))).getString("type"))) v = fac.command("postIdea", "text", "after");
    }
    joiner.join(fac.code, "Jo");
    JsonObject state = joiner.latest;
    assertEquals(2, state.getJsonArray("members").size(), "the join given up on left no ghost: " + state.getJsonArray("members"));
    fac.close();
    joiner.close();
  }

  private static void assertUnavailableInTime(WsClient c, java.util.function.Supplier<String> send) {
    String id = send.get(); // (paced: it may wait before it writes)
    long started = System.nanoTime();
    JsonObject reply = c.next(m -> id.equals(m.getString("id")) || "error".equals(m.getString("type")));
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals("error", reply.getString("type"), reply.encode());
    assertEquals("unavailable", reply.getString("code"), reply.encode());
    assertEquals(id, reply.getString("id"), "the refusal names its command: " + reply.encode());
    assertTrue(ms <= 2_000, "answered after " + ms + " ms");
  }
}
