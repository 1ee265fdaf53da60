package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every connection of a session receives the identical state text for each version. */
class SameBytesTest {
  static RoundtableNode node;
  static Vertx clients;

  @BeforeAll
  static void start() {
    node = Nodes.startInMemory();
    clients = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    Nodes.await(clients.close());
    Nodes.await(node.close());
  }

  @Test
  void everyConnectionGetsTheSameStateFrameForAVersion() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Bytes", "first");
    String code = fac.code;
    List<WsClient> all = new ArrayList<>(List.of(fac));
    for (int i = 0; i < 11; i++) {
      WsClient c = WsClient.connect(clients, node.port());
      c.join(code, "M" + i);
      all.add(c);
    }
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(code);
    all.add(display);
    long last = 0;
    for (int i = 0; i < 10; i++) last = fac.command("addAgendaItem", "title", "Item " + i, "minutes", 5);
    for (WsClient c : all) c.awaitVersion(last);
    Map<Long, String> reference = frames(fac);
    for (WsClient c : all) {
      Map<Long, String> mine = frames(c);
      for (Map.Entry<Long, String> e : mine.entrySet()) {
        if (reference.containsKey(e.getKey())) assertEquals(reference.get(e.getKey()), e.getValue(), "v" + e.getKey());
      }
      assertTrue(mine.keySet().containsAll(new TreeMap<>(reference).tailMap(last - 9).keySet()));
    }
    for (WsClient c : all) c.close();
  }

  private static Map<Long, String> frames(WsClient c) {
    Map<Long, String> out = new TreeMap<>();
    for (String raw : c.all()) {
      JsonObject m = new JsonObject(raw);
      if ("state".equals(m.getString("type"))) out.put(m.getLong("v"), raw);
    }
    return out;
  }
}
