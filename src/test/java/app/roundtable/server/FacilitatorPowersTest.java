package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md v1.2 over real sockets: the facilitator role carries its powers (the summary, the
 * follow-up), answered to the asking connection alone; anyone else is refused.
 */
class FacilitatorPowersTest extends InMemoryNodeTest {

  @Test
  void theRoleHolderGetsTheSummaryOverTheSocketTheSameRecordAsOverHttp() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Summary", "blank");
    WsClient ana = WsClient.connect(clients, node.port());
    ana.join(fac.code, "Ana");
    fac.command("addCommitment", "text", "Ask one question a day");

    String id = fac.send("getSummary");
    JsonObject answer = fac.next(m -> id.equals(m.getString("id")));
    assertEquals("summary", answer.getString("type"));
    assertEquals("json", answer.getString("format"));
    JsonObject body = answer.getJsonObject("body");
    Http.Response overHttp = http.get("/api/sessions/" + fac.code + "/summary",
        Map.of("X-Facilitator-Key", fac.facilitatorKey, "Accept", "application/json"));
    assertEquals(overHttp.json(), body, "the same record as the key holder's HTTP summary");

    String md = fac.send("getSummary", "format", "markdown");
    JsonObject text = fac.next(m -> md.equals(m.getString("id")));
    assertEquals("markdown", text.getString("format"));
    assertTrue(text.getString("body").contains("Ask one question a day"), text.getString("body"));

    assertEquals("forbidden", ana.refused("getSummary").getString("code"));
    ana.assertNoMore(200);
    assertFalse(ana.all().stream().anyMatch(f -> f.contains("\"type\":\"summary\"")), "to the asker alone");
    ana.close();
    fac.close();
  }

  @Test
  void afterAHandOffTheNewFacilitatorHasThePowersAndTheOldOneNot() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Hand-off", "first");
    WsClient bo = WsClient.connect(clients, node.port());
    bo.join(fac.code, "Bo");
    fac.command("handOff", "memberId", bo.memberId);

    String id = bo.send("getSummary");
    assertEquals("summary", bo.next(m -> id.equals(m.getString("id"))).getString("type"));
    assertEquals("forbidden", fac.refused("getSummary").getString("code"));
    assertEquals("forbidden", fac.refused("createFollowUp").getString("code"));

    String create = bo.send("createFollowUp", "title", "Second round");
    JsonObject made = bo.next(m -> create.equals(m.getString("id")));
    assertEquals("followUp", made.getString("type"), made.encode());
    assertNotNull(made.getString("facilitatorKey"));
    // Bo facilitates the follow-up with the key he was given; the earlier key opens it too.
    WsClient boNext = WsClient.connect(clients, node.port());
    assertTrue(boNext.joinWithKey(made.getString("code"), "Bo", made.getString("facilitatorKey"))
        .getJsonObject("you").getBoolean("facilitator"));
    WsClient faeNext = WsClient.connect(clients, node.port());
    assertTrue(faeNext.joinWithKey(made.getString("code"), "Fae", fac.facilitatorKey)
        .getJsonObject("you").getBoolean("facilitator"), "the earlier session's key opens its follow-ups");
    for (WsClient c : List.of(faeNext, boNext, bo, fac)) c.close();
  }

  @Test
  void theRoleHolderWithoutTheKeyGetsTheRecordOverHttpAfterTheSessionEnded() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Handed on", "blank");
    WsClient bo = WsClient.connect(clients, node.port());
    bo.join(fac.code, "Bo");
    WsClient ana = WsClient.connect(clients, node.port());
    ana.join(fac.code, "Ana");
    fac.command("handOff", "memberId", bo.memberId);
    bo.command("addCommitment", "text", "Write the minutes by Friday");
    bo.command("endSession");
    String summary = "/api/sessions/" + fac.code + "/summary";

    // The sockets are closed now: HTTP is the way to the record, and the role holder has no key.
    Http.Response md = http.get(summary, Map.of("X-Resume-Token", bo.resume, "Accept", "text/markdown"));
    assertEquals(200, md.status(), md.body());
    assertTrue(md.body().contains("Write the minutes by Friday"), md.body());
    Http.Response json = http.get(summary, Map.of("X-Resume-Token", bo.resume, "Accept", "application/json"));
    assertEquals(http.get(summary, Map.of("X-Facilitator-Key", fac.facilitatorKey, "Accept", "application/json")).json(),
        json.json(), "the same record as the key holder's");
    assertEquals(200, http.get(summary, Map.of("X-Resume-Token", bo.resume, "Accept", "image/svg+xml")).status(),
        "and the speaking chart");

    assertEquals(403, http.get(summary, Map.of("X-Resume-Token", ana.resume)).status(), "a member without the role");
    assertEquals(403, http.get(summary, Map.of("X-Resume-Token", fac.resume)).status(),
        "the key holder's token, the role handed on (their key still opens it)");
    assertEquals(403, http.get(summary, Map.of("X-Resume-Token", "not-a-token-of-anyone-here")).status());
    assertEquals(401, http.get(summary).status());
    for (WsClient c : List.of(ana, bo, fac)) c.close();
  }

  @Test
  void createFollowUpAnswersTheCreatorAloneAndEveryoneSeesWhereTheGroupMeetsNext() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Peers", "first");
    WsClient ana = WsClient.connect(clients, node.port());
    ana.join(fac.code, "Ana");
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(fac.code);
    long at = System.currentTimeMillis() + 14L * 24 * 3_600_000;

    String id = fac.send("createFollowUp", "at", at, "minutes", 60);
    JsonObject made = fac.next(m -> id.equals(m.getString("id")));
    assertEquals("followUp", made.getString("type"), made.encode());
    String code = made.getString("code");
    assertEquals("http://127.0.0.1:" + node.port() + "/s/" + code, made.getString("joinUrl"));
    assertEquals("http://127.0.0.1:" + node.port() + "/d/" + code, made.getString("displayUrl"));
    List<String> frames = fac.all();
    int linked = -1;
    int answered = -1;
    for (int i = 0; i < frames.size(); i++) {
      JsonObject f = new JsonObject(frames.get(i));
      if (linked < 0 && "state".equals(f.getString("type")) && f.getJsonObject("state").getValue("followUp") != null) linked = i;
      if ("followUp".equals(f.getString("type"))) answered = i;
    }
    assertTrue(linked >= 0 && linked < answered, "the state that carries the link comes before the answer: " + frames);

    for (WsClient c : List.of(ana, display)) {
      JsonObject f = c.state(s -> s.getValue("followUp") != null).getJsonObject("followUp");
      assertEquals(new JsonObject().put("code", code).put("joinUrl", made.getString("joinUrl"))
          .put("displayUrl", made.getString("displayUrl")).put("at", at), f);
      assertFalse(c.all().stream().anyMatch(x -> x.contains(made.getString("facilitatorKey"))), "the key goes to its creator only");
    }
    JsonObject info = http.get("/api/sessions/" + fac.code).json();
    assertEquals(code, info.getJsonObject("followUp").getString("code"), "pages without a socket learn it too");

    JsonObject second = fac.refused("createFollowUp");
    assertEquals("invalid_phase", second.getString("code"));
    assertEquals("forbidden", ana.refused("createFollowUp").getString("code"));

    WsClient next = WsClient.connect(clients, node.port());
    JsonObject w = next.joinWithKey(code, "Fae", made.getString("facilitatorKey"));
    assertTrue(w.getJsonObject("you").getBoolean("facilitator"));
    JsonObject state = w.getJsonObject("state");
    assertEquals(new JsonObject().put("at", at).put("minutes", 60), state.getJsonObject("scheduled"));
    assertEquals("Peers — follow-up", state.getString("title"));
    for (WsClient c : List.of(next, display, ana, fac)) c.close();
  }

  @Test
  void aCreationWithAWrongDateIsRefusedAndCreatesNothing() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Dates", "blank");
    assertEquals("limit_exceeded", fac.refused("createFollowUp", "at", 1_000L, "minutes", 60).getString("code"));
    assertEquals("bad_request", fac.refused("createFollowUp", "minutes", 60).getString("code"));
    assertEquals("bad_request", fac.refused("createFollowUp", "at", "tomorrow").getString("code"));
    assertNull(http.get("/api/sessions/" + fac.code).json().getValue("followUp"));
    // Nothing was linked: the first valid request succeeds.
    String id = fac.send("createFollowUp");
    assertEquals("followUp", fac.next(m -> id.equals(m.getString("id"))).getString("type"));
    fac.close();
  }

  @Test
  void aDisplayMayNotAskForTheSummary() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Display", "blank");
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(fac.code);
    assertEquals("forbidden", display.refused("getSummary").getString("code"));
    display.close();
    fac.close();
  }

  @Test
  void aRequestIdAlreadyAppliedIsAckedNotAnsweredAgain() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Ids", "blank");
    String id = fac.send("startTimer", "seconds", 60);
    long v = fac.next(m -> id.equals(m.getString("id"))).getLong("v");
    fac.send(new JsonObject().put("type", "getSummary").put("id", id));
    JsonObject again = fac.next(m -> id.equals(m.getString("id")));
    assertEquals("ack", again.getString("type"));
    assertEquals(v, again.getLong("v"));
    assertNotEquals(null, again);
    fac.close();
  }
}
