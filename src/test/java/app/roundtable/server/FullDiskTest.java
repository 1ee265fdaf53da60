package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk at the edge, played by SQLITE_MAX_PAGES (a real cap on the file, enforced by SQLite
 * as it would a full disk): the change that cannot be saved is refused with {@code unavailable},
 * the connection stays up, and everyone still sees the last saved version.
 */
class FullDiskTest {
  @TempDir Path dataDir;

  @Test
  void aChangeThatCannotBeSavedIsRefusedAsUnavailableAndLosesNothing() {
    RoundtableNode node = Nodes.start(TestConfig.of(Map.of("VERTICLES", "1", "STORE", "sqlite",
        "DATA_DIR", dataDir.toString(), "SQLITE_MAX_PAGES", "10")));
    Vertx clients = Vertx.vertx();
    try {
      JsonObject created = new Http(node.port()).createSession("Full", "first");
      String code = created.getString("code");
      WsClient ana = WsClient.connect(clients, node.port());
      JsonArray items = ana.joinWithKey(code, "Ana", created.getString("facilitatorKey"))
          .getJsonObject("state").getJsonObject("agenda").getJsonArray("items");
      ana.command("startAgendaItem", "itemId", items.getJsonObject(4).getString("id"));
      if (!"writing".equals(ana.latest.getJsonObject("board").getString("phase"))) {
        ana.command("setBoardPhase", "phase", "writing");
      }

      JsonObject refusal = null;
      long saved = ana.latest.getLong("v", ana.v);
      int posted = 0;
      for (int i = 0; i < 150 && refusal == null; i++) {
        String id = ana.send("postIdea", "text", i + " " + "x".repeat(270));
        JsonObject reply = ana.next(m -> id.equals(m.getString("id")) || "error".equals(m.getString("type")));
        if ("ack".equals(reply.getString("type"))) {
          saved = reply.getLong("v");
          posted++;
        } else {
          refusal = reply;
        }
      }
      assertNotNull(refusal, "the cap was reached");
      assertTrue(posted > 0, "ideas were saved before it");
      assertEquals("unavailable", refusal.getString("code"), refusal.encode());
      assertFalse(ana.isClosed(), "the connection stays up");

      ana.command("sync");
      assertEquals(saved, ana.v, "everyone stays at the last saved version");
      assertEquals(posted, ana.you.getJsonArray("myIdeas").size(), "the refused idea is nowhere");
      assertEquals(200, new Http(node.port()).get("/api/sessions/" + code).status());
    } finally {
      Nodes.await(clients.close());
      Nodes.await(node.close());
    }
  }
}
