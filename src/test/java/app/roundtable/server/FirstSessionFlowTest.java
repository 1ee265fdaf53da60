package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole first session over real WebSockets: a facilitator, five members and a display, from
 * check-in to commitments; then the follow-up carries the commitments and the summary records it.
 */
class FirstSessionFlowTest extends InMemoryNodeTest {

  @Test
  void aWholeFirstSessionFromCheckInToCommitments() {
    JsonObject created = http.createSession("Leading through change", "first");
    String code = created.getString("code");
    String key = created.getString("facilitatorKey");
    assertTrue(created.getString("joinUrl").endsWith("/s/" + code));
    assertTrue(created.getString("displayUrl").endsWith("/d/" + code));

    WsClient ana = WsClient.connect(clients, node.port());
    JsonObject w = ana.joinWithKey(code.toUpperCase(), "Ana", key);
    assertTrue(w.getJsonObject("you").getBoolean("facilitator"));
    List<WsClient> everyone = new ArrayList<>(List.of(ana));
    Map<String, WsClient> byId = new HashMap<>(Map.of(ana.memberId, ana));
    for (String name : List.of("Ben", "Chloé", "Dev", "Ema", "Farid")) {
      WsClient c = WsClient.connect(clients, node.port());
      JsonObject cw = c.join(code, name);
      assertFalse(cw.getJsonObject("you").getBoolean("facilitator"));
      everyone.add(c);
      byId.put(c.memberId, c);
    }
    WsClient display = WsClient.connect(clients, node.port());
    JsonObject dw = display.joinDisplay(code);
    assertNull(dw.getValue("memberId"));
    assertNull(dw.getValue("you"));

    JsonObject s = ana.state(st -> st.getInteger("displays") == 1);
    assertEquals(6, s.getJsonArray("members").size());
    JsonArray items = s.getJsonObject("agenda").getJsonArray("items");
    assertEquals(7, items.size());
    assertEquals(List.of(5, 10, 20, 15, 20, 15, 5), items.stream().map(i -> ((JsonObject) i).getInteger("minutes")).toList());

    // Welcome, then the check-in round: starting the item starts the round, everyone speaks once.
    ana.command("startAgendaItem", "itemId", items.getJsonObject(0).getString("id"));
    assertTrue(ana.latest.getJsonObject("timer").getBoolean("running"));
    ana.command("nextAgendaItem");
    assertEquals(items.getJsonObject(1).getString("id"), ana.latest.getJsonObject("agenda").getString("currentId"));
    assertTrue(ana.latest.getJsonObject("queue").getBoolean("round"));
    for (int turn = 0; turn < 6; turn++) {
      JsonObject speaker = ana.latest.getJsonObject("queue").getJsonObject("speaker");
      assertNotNull(speaker, "someone speaks in turn " + turn);
      byId.get(speaker.getString("memberId")).command("doneSpeaking");
      sync(ana);
    }
    JsonObject afterRound = ana.latest;
    assertNull(afterRound.getJsonObject("queue").getValue("speaker"));
    for (Object m : afterRound.getJsonArray("members")) assertEquals(1, ((JsonObject) m).getInteger("turns"));

    // Share challenges, new knowledge, then the idea board.
    ana.command("nextAgendaItem");
    ana.command("nextAgendaItem");
    ana.command("nextAgendaItem");
    assertEquals("board", item(ana.latest).getString("kind"));
    assertEquals("writing", ana.latest.getJsonObject("board").getString("phase"), "the board item opened the board");
    assertEquals("What approaches could we try?", ana.latest.getJsonObject("board").getString("prompt"));
    int posted = 0;
    for (WsClient c : everyone) {
      c.command("postIdea", "text", "Idea from " + c.memberId.substring(0, 4));
      posted++;
      assertEquals(1, c.you.getJsonArray("myIdeas").size());
    }
    sync(ana);
    assertEquals(posted, ana.latest.getJsonObject("board").getInteger("ideaCount"));
    assertTrue(ana.latest.getJsonObject("board").getJsonArray("ideas").isEmpty(), "ideas hidden while writing");
    ana.command("setBoardPhase", "phase", "revealed");
    JsonArray ideas = ana.latest.getJsonObject("board").getJsonArray("ideas");
    assertEquals(posted, ideas.size());
    ana.command("setVotesPerMember", "votes", 2);
    ana.command("setBoardPhase", "phase", "voting");
    String top = ideas.getJsonObject(0).getString("id");
    for (WsClient c : everyone) {
      c.command("vote", "ideaId", top);
      c.command("vote", "ideaId", ideas.getJsonObject(1).getString("id"));
      assertEquals(0, c.you.getInteger("votesLeft"));
      assertEquals("limit_exceeded", c.refused("vote", "ideaId", top).getString("code"));
    }
    ana.command("setBoardPhase", "phase", "results");
    int total = 0;
    for (Object i : ana.latest.getJsonObject("board").getJsonArray("ideas")) total += ((JsonObject) i).getInteger("votes");
    assertEquals(12, total);

    // Commitments.
    ana.command("nextAgendaItem");
    assertEquals("commitments", item(ana.latest).getString("kind"));
    for (WsClient c : everyone) c.command("addCommitment", "text", "Ask before advising, " + c.memberId.substring(0, 3));
    sync(ana);
    assertEquals(6, ana.latest.getJsonArray("commitments").size());
    ana.command("nextAgendaItem");
    ana.command("endSession");

    for (WsClient c : everyone) {
      assertEquals("ended", c.nextOfType("closed").getString("reason"));
      c.awaitClosed();
    }
    assertEquals("ended", display.nextOfType("closed").getString("reason"));
    everyone.add(display);
    for (WsClient c : everyone) assertVersionsInOrder(c);

    WsClient late = WsClient.connect(clients, node.port());
    late.send(new JsonObject().put("type", "join").put("code", code).put("name", "Late"));
    assertEquals("session_ended", late.next().getString("code"));
    late.close();

    // The record, and the follow-up that carries the commitments.
    Http.Response md = http.get("/api/sessions/" + code + "/summary", Map.of("X-Facilitator-Key", key, "Accept", "text/markdown"));
    assertEquals(200, md.status());
    assertTrue(md.body().contains("Leading through change"));
    assertTrue(md.body().contains("Ask before advising"));
    JsonObject summary = http.get("/api/sessions/" + code + "/summary", Map.of("X-Facilitator-Key", key)).json();
    assertEquals(6, summary.getJsonArray("speaking").size());
    assertEquals(7, summary.getJsonArray("agenda").size());
    assertEquals(403, http.get("/api/sessions/" + code + "/summary", Map.of("X-Facilitator-Key", "nope")).status());
    assertEquals(401, http.get("/api/sessions/" + code + "/summary").status());

    Http.Response fu = http.post("/api/sessions/" + code + "/follow-up", "{}", Map.of("X-Facilitator-Key", key));
    assertEquals(201, fu.status(), fu.body());
    String next = fu.json().getString("code");
    WsClient again = WsClient.connect(clients, node.port());
    JsonObject nw = again.joinWithKey(next, "Ana", fu.json().getString("facilitatorKey"));
    JsonObject previous = nw.getJsonObject("state").getJsonObject("previous");
    assertEquals("Leading through change", previous.getString("title"));
    assertEquals(6, previous.getJsonArray("commitments").size());
    assertEquals(6, nw.getJsonObject("state").getJsonObject("agenda").getJsonArray("items").size());
    again.close();
    for (WsClient c : everyone) c.close();
  }

  private static JsonObject item(JsonObject state) {
    String id = state.getJsonObject("agenda").getString("currentId");
    for (Object i : state.getJsonObject("agenda").getJsonArray("items")) {
      if (((JsonObject) i).getString("id").equals(id)) return (JsonObject) i;
    }
    return null;
  }

  /** Round-trips a ping so every state sent before it has arrived. */
  static void sync(WsClient c) {
    c.command("sync");
  }

  /** welcome at v, then state frames at v+1, v+2, ... with no gap and no repeat. */
  static void assertVersionsInOrder(WsClient c) {
    long expected = -1;
    for (String raw : c.all()) {
      JsonObject m = new JsonObject(raw);
      String type = m.getString("type");
      if ("welcome".equals(type)) {
        expected = m.getLong("v") + 1;
      } else if ("state".equals(type)) {
        long v = m.getLong("v");
        if (v == expected - 1) continue; // a sync re-sends the current version
        assertEquals(expected, v, "versions in order for " + c.memberId);
        expected = v + 1;
      }
    }
  }
}
