package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertUnchanged;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * v1.1 over real sockets: room members, moderation, the rota and fairness. Every refusal changes
 * nothing and leaves the socket open; members acting for others get {@code forbidden}.
 */
class HybridRoomTest extends InMemoryNodeTest {
  WsClient fac;
  WsClient ana;
  String rosa;

  @BeforeEach
  void room() {
    fac = WsClient.facilitator(clients, node.port(), "Hybrid circle", "first");
    ana = WsClient.connect(clients, node.port());
    ana.join(fac.code, "Ana");
    fac.command("addRoomMember", "name", "Rosa");
    rosa = memberNamed(fac.latest, "Rosa").getString("id");
  }

  @AfterEach
  void close() {
    fac.close();
    ana.close();
  }

  @Test
  void aRoomMemberIsInTheRoomAndInThePublicState() {
    JsonObject r = memberNamed(snapshot(ana).state(), "Rosa");
    assertTrue(r.getBoolean("inRoom"));
    assertTrue(r.getBoolean("online"));
    assertEquals(0, r.getInteger("turns"));
    assertFalse(WsClient.member(ana.latest, ana.memberId).getBoolean("inRoom"));
    assertEquals(3, http.get("/api/sessions/" + fac.code).json().getInteger("members"), "counted as present");
  }

  @Test
  void theFacilitatorRunsTheQueueForTheRoom() {
    fac.command("raiseHand", "memberId", rosa);
    assertEquals(rosa, fac.latest.getJsonObject("queue").getJsonObject("speaker").getString("memberId"));
    ana.command("raiseHand");
    fac.command("endTurn");
    assertEquals(ana.memberId, fac.latest.getJsonObject("queue").getJsonObject("speaker").getString("memberId"));
    assertEquals(1, memberNamed(fac.latest, "Rosa").getInteger("turns"));
    fac.command("doneSpeaking", "memberId", ana.memberId);
    assertNull(fac.latest.getJsonObject("queue").getValue("speaker"));
    fac.command("raiseHand", "memberId", ana.memberId);
    fac.command("raiseHand", "memberId", rosa);
    fac.command("lowerHand", "memberId", rosa);
    assertEquals(new JsonArray(), fac.latest.getJsonObject("queue").getJsonArray("waiting"));
    fac.command("addCommitment", "text", "Ask before advising", "memberId", rosa);
    JsonObject k = fac.latest.getJsonArray("commitments").getJsonObject(0);
    assertEquals(rosa, k.getString("memberId"));
    assertEquals("Rosa", k.getString("name"));
  }

  @Test
  void membersActingForOthersAreForbiddenAndNothingChanges() {
    fac.command("raiseHand");
    Snapshot before = snapshot(ana);
    Object[][] commands = {
        {"raiseHand", "memberId", rosa}, {"lowerHand", "memberId", fac.memberId},
        {"doneSpeaking", "memberId", fac.memberId}, {"addCommitment", "text", "For Rosa", "memberId", rosa},
        {"raiseHand", "memberId", "no-such-member"},
        {"endTurn"}, {"addRoomMember", "name", "Mine"}, {"setFairnessVisible", "visible", false},
    };
    for (Object[] c : commands) {
      JsonObject e = ana.refused((String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals("forbidden", e.getString("code"), c[0] + " " + e.encode());
    }
    assertUnchanged(ana, before);
    assertAlive(ana);
    ana.command("raiseHand", "memberId", ana.memberId);
  }

  @Test
  void aDisplayMayNotModerate() {
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(fac.code);
    Snapshot before = snapshot(display);
    Object[][] commands = {
        {"raiseHand", "memberId", rosa}, {"endTurn"}, {"addRoomMember", "name", "Shadow"},
        {"setFairnessVisible", "visible", false}, {"addCommitment", "text", "x", "memberId", rosa},
    };
    for (Object[] c : commands) {
      JsonObject e = display.refused((String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals("forbidden", e.getString("code"), c[0] + " " + e.encode());
    }
    assertUnchanged(display, before);
    display.close();
  }

  @Test
  void malformedFieldsAreBadRequestsAndOverLongOnesLimitExceeded() {
    Snapshot before = snapshot(fac);
    Object[][] bad = {
        {"addRoomMember"}, {"addRoomMember", "name", 5}, {"addRoomMember", "name", "  "},
        {"raiseHand", "memberId", 5}, {"lowerHand", "memberId", ""}, {"doneSpeaking", "memberId", true},
        {"addCommitment", "memberId", rosa}, {"addCommitment", "text", "x", "memberId", 1},
        {"setFairnessVisible"}, {"setFairnessVisible", "visible", "no"},
        {"addAgendaItem", "title", "t", "minutes", 5, "prompt", 3},
        {"updateAgendaItem", "itemId", "x", "prompt", new JsonArray()},
    };
    for (Object[] c : bad) {
      JsonObject e = fac.refused((String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals("bad_request", e.getString("code"), c[0] + " " + e.encode());
    }
    assertEquals("limit_exceeded", fac.refused("addRoomMember", "name", "r".repeat(41)).getString("code"));
    assertEquals("not_found", fac.refused("raiseHand", "memberId", "no-such-member").getString("code"));
    assertEquals("bad_request", fac.refused("handOff", "memberId", rosa).getString("code"), "no device, no role");
    assertEquals("forbidden", fac.refused("addCommitment", "text", "For Ana", "memberId", ana.memberId).getString("code"));
    assertEquals("invalid_phase", fac.refused("doneSpeaking", "memberId", rosa).getString("code"));
    assertUnchanged(fac, before);
    assertAlive(fac);
  }

  @Test
  void fairnessAndTheRotaAreInThePublicStateAndTheSummaryHasTheRecord() {
    JsonObject s = snapshot(ana).state();
    assertTrue(s.getJsonObject("fairness").getBoolean("visible"));
    assertEquals(new JsonArray().add("Fae"), s.getJsonObject("facilitation").getJsonArray("history"));
    assertEquals("Ana", s.getJsonObject("facilitation").getString("suggested"), "Rosa has no device");
    fac.command("setFairnessVisible", "visible", false);
    assertFalse(fac.latest.getJsonObject("fairness").getBoolean("visible"));
    fac.command("raiseHand", "memberId", rosa);
    fac.command("endTurn");

    Map<String, String> key = Map.of("X-Facilitator-Key", fac.facilitatorKey);
    JsonObject summary = http.get("/api/sessions/" + fac.code + "/summary", key).json();
    JsonObject rosaRecord = null;
    for (Object o : summary.getJsonArray("speaking")) {
      if ("Rosa".equals(((JsonObject) o).getString("name"))) rosaRecord = (JsonObject) o;
    }
    assertEquals(1, rosaRecord.getInteger("turns"), "the record holds it though fairness is hidden");
    assertEquals(new JsonArray().add(new JsonObject().put("title", "Hybrid circle").put("facilitators", new JsonArray().add("Fae"))),
        summary.getJsonArray("facilitation"));
    Http.Response md = http.get("/api/sessions/" + fac.code + "/summary", Map.of("X-Facilitator-Key", fac.facilitatorKey, "Accept", "text/markdown"));
    assertFalse(md.body().contains("data:image/svg+xml"), "the chart is its own download (v1.2), not a blob in the record");
    assertTrue(md.body().contains("## Facilitation\n\n- Hybrid circle: Fae\n"), md.body());
    Http.Response svg = http.get("/api/sessions/" + fac.code + "/summary", Map.of("X-Facilitator-Key", fac.facilitatorKey, "Accept", "image/svg+xml"));
    assertEquals(200, svg.status());
    assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
    assertTrue(svg.body().startsWith("<svg ") && svg.body().contains(">Rosa</text>") && svg.body().contains("1 turn"), svg.body());
    assertEquals(401, http.get("/api/sessions/" + fac.code + "/summary", Map.of("Accept", "image/svg+xml")).status());

    Http.Response fu = http.post("/api/sessions/" + fac.code + "/follow-up", "{}", key);
    assertEquals(201, fu.status(), fu.body());
    WsClient next = WsClient.connect(clients, node.port());
    JsonObject w = next.joinWithKey(fu.json().getString("code"), "Fae", fu.json().getString("facilitatorKey"));
    JsonObject facilitation = w.getJsonObject("state").getJsonObject("facilitation");
    assertEquals(new JsonArray().add("Fae").add("Fae"), facilitation.getJsonArray("history"), "last time's, then this one's holder");
    assertNull(facilitation.getValue("suggested"), "Fae is the only one present");
    next.close();
  }

  private static JsonObject memberNamed(JsonObject state, String name) {
    for (Object m : state.getJsonArray("members")) if (((JsonObject) m).getString("name").equals(name)) return (JsonObject) m;
    throw new AssertionError("no member " + name + " in " + state.encode());
  }
}
