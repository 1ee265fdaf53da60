package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md v1.2 on two nodes behind one real redis-server: a follow-up created on one node
 * reaches the earlier session's members on the other, its move comes back, and the key holder
 * who opens the key on the other node is still one member.
 */
class SeriesAcrossNodesTest {
  static RedisServer redis;
  static Vertx clients;
  static RoundtableNode a;
  static RoundtableNode b;

  @BeforeAll
  static void start() {
    redis = RedisServer.startOrConnect();
    clients = Vertx.vertx();
    a = Nodes.start(config("series-a"));
    b = Nodes.start(config("series-b"));
  }

  @AfterAll
  static void stop() {
    Nodes.await(clients.close());
    Nodes.await(a.close());
    Nodes.await(b.close());
    redis.close();
  }

  static Config config(String id) {
    return TestConfig.redis(redis.url(), Map.of("NODE_ID", id, "VERTICLES", "2", "HEARTBEAT_MS", "200"));
  }

  @Test
  void theFollowUpMadeOnOneNodeReachesTheOtherAndItsMoveComesBack() {
    WsClient fac = WsClient.facilitator(clients, a.port(), "Two nodes", "first");
    WsClient ana = WsClient.connect(clients, b.port());
    ana.join(fac.code, "Ana");
    WsClient projector = WsClient.connect(clients, b.port());
    projector.joinDisplay(fac.code);
    long at = (System.currentTimeMillis() + 21L * 86_400_000) / 60_000 * 60_000;

    String id = fac.send("createFollowUp", "at", at, "minutes", 90);
    JsonObject made = fac.next(m -> id.equals(m.getString("id")));
    assertEquals("followUp", made.getString("type"), made.encode());
    String next = made.getString("code");
    for (WsClient c : List.of(ana, projector)) {
      JsonObject f = c.state(s -> s.getValue("followUp") != null).getJsonObject("followUp");
      assertEquals(next, f.getString("code"), "node b's clients see where the group meets next");
      assertEquals(at, f.getLong("at"));
    }

    // The follow-up's facilitator, on node b, moves it; node a's page of the earlier session follows.
    WsClient host = WsClient.connect(clients, b.port());
    host.joinWithKey(next, "Fae", made.getString("facilitatorKey"));
    host.command("setSchedule", "at", at + 86_400_000, "minutes", 60);
    JsonObject moved = fac.state(s -> s.getJsonObject("followUp") != null
        && Long.valueOf(at + 86_400_000).equals(s.getJsonObject("followUp").getLong("at"))).getJsonObject("followUp");
    assertEquals(next, moved.getString("code"));
    for (WsClient c : List.of(host, projector, ana, fac)) c.close();
  }

  @Test
  void theKeyOnTheOtherNodeIsStillOneMemberAndBothDevicesWork() {
    WsClient laptop = WsClient.facilitator(clients, a.port(), "Key on two nodes", "blank");
    laptop.idPrefix = "laptop-";
    WsClient phone = WsClient.connect(clients, b.port());
    phone.idPrefix = "phone-";
    JsonObject w = phone.joinWithKey(laptop.code, "Fae", laptop.facilitatorKey);
    assertEquals(laptop.memberId, w.getString("memberId"));
    assertEquals(laptop.resume, w.getString("resume"));
    assertEquals(1, w.getJsonObject("state").getJsonArray("members").size());
    long v = phone.command("startTimer", "seconds", 60);
    laptop.awaitVersion(v);
    long v2 = laptop.command("pauseTimer");
    phone.awaitVersion(v2);
    assertEquals(laptop.latest, phone.latest);
    String sid = phone.send("getSummary");
    assertEquals("summary", phone.next(m -> sid.equals(m.getString("id"))).getString("type"));
    assertTrue(!laptop.isClosed());
    phone.close();
    laptop.close();
  }
}
