package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.RedisServer;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lock and a display's removal hold on every node: two nodes against one real redis-server.
 * The facilitator on node A locks the room and removes a display that joined through node B;
 * that display is closed on B, and neither a new name nor a new display gets in through B.
 */
class LockedRoomAcrossNodesTest {
  static RedisServer redis;
  static Vertx clients;
  static RoundtableNode a;
  static RoundtableNode b;
  final List<WsClient> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    redis = RedisServer.startOrConnect();
    clients = Vertx.vertx();
    a = Nodes.start(config("node-a"));
    b = Nodes.start(config("node-b"));
  }

  @AfterAll
  static void stop() {
    Nodes.await(a.close());
    Nodes.await(b.close());
    Nodes.await(clients.close());
    redis.close();
  }

  static app.roundtable.server.Config config(String id) {
    return TestConfig.redis(redis.url(), Map.of("NODE_ID", id, "VERTICLES", "2", "HEARTBEAT_MS", "200"));
  }

  private WsClient on(RoundtableNode n) {
    WsClient c = WsClient.connect(clients, n.port());
    opened.add(c);
    return c;
  }

  @Test
  void theLockAndARemovalMadeOnOneNodeHoldOnTheOther() {
    WsClient fac = WsClient.facilitator(clients, a.port(), "Two nodes, one room", "blank");
    opened.add(fac);
    WsClient ana = on(b);
    ana.join(fac.code, "Ana");
    WsClient display = on(b);
    String displayId = display.joinDisplay(fac.code).getString("displayId");
    fac.state(s -> s.getInteger("displays") == 1);

    fac.command("lockRoom", "locked", true);
    ana.state(s -> s.getBoolean("locked"));
    fac.command("removeDisplay", "displayId", displayId);
    assertEquals("display-removed", display.nextOfType("closed").getString("reason"));
    assertEquals(1000, display.awaitClosed());
    ana.state(s -> s.getInteger("displays") == 0);

    WsClient newcomer = on(b);
    assertEquals("room_locked", newcomer.refused("join", "code", fac.code, "name", "Newcomer").getString("code"));
    WsClient fake = on(b);
    assertEquals("room_locked", fake.refused("join", "code", fac.code, "role", "display").getString("code"));
    assertFalse(newcomer.isClosed());

    // Ana's reload on the other node: a resume, not a new name.
    String token = ana.resume;
    ana.drop();
    WsClient back = on(a);
    back.resume(fac.code, token);
    assertAlive(back);

    fac.command("lockRoom", "locked", false);
    newcomer.join(fac.code, "Newcomer");
    assertAlive(newcomer);
    opened.forEach(WsClient::close);
  }
}
