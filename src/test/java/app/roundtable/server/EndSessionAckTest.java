package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: "End session" showed the facilitator "The connection dropped before the server
 * answered". The version that ends the session may reach the socket before the store's answer to
 * {@code endSession} does (SQLite hands both over from its writer thread); the socket then waits
 * for that answer, so the facilitator gets the ack, then {@code closed ended}. Over real sockets,
 * against the default store (SQLite) and the in-memory one.
 */
class EndSessionAckTest {
  static Vertx clients;
  static RoundtableNode sqlite;
  static RoundtableNode memory;

  @BeforeAll
  static void start() throws IOException {
    clients = Vertx.vertx();
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "end-ack");
    sqlite = Nodes.start(TestConfig.of(Map.of("STORE", "sqlite", "DATA_DIR", dir.toString(), "VERTICLES", "2",
        "NODE_ID", "end-sqlite")));
    memory = Nodes.startInMemory();
  }

  @AfterAll
  static void stop() {
    Nodes.await(clients.close());
    Nodes.await(sqlite.close());
    Nodes.await(memory.close());
  }

  @Test
  void onSqliteTheAckComesBeforeClosedEnded() {
    endTenSessions(sqlite);
  }

  @Test
  void inMemoryTheAckComesBeforeClosedEnded() {
    endTenSessions(memory);
  }

  private static void endTenSessions(RoundtableNode node) {
    for (int round = 0; round < 10; round++) {
      WsClient fac = WsClient.facilitator(clients, node.port(), "End " + round, "first");
      WsClient ana = WsClient.connect(clients, node.port());
      ana.join(fac.code, "Ana");
      fac.command("nextAgendaItem");
      String id = fac.send("endSession");
      assertEquals("ended", fac.nextOfType("closed").getString("reason"));
      fac.awaitClosed();
      List<String> frames = fac.all();
      int ack = -1;
      int closed = -1;
      for (int i = 0; i < frames.size(); i++) {
        JsonObject f = new JsonObject(frames.get(i));
        if ("ack".equals(f.getString("type")) && id.equals(f.getString("id"))) ack = i;
        if ("closed".equals(f.getString("type"))) closed = i;
      }
      List<String> types = frames.stream().map(f -> new JsonObject(f).getString("type")).toList();
      assertTrue(ack >= 0 && ack < closed, "round " + round + ": the ack, then closed ended: " + types);
      assertEquals("ended", ana.nextOfType("closed").getString("reason"));
      ana.close();
      fac.close();
    }
  }
}
