package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A dropped socket costs nobody their turn, place or role; the resume token brings them back. */
class ResumeTest extends InMemoryNodeTest {

  @Test
  void aDroppedMemberKeepsTheirPlaceAndComesBackAsTheSameMember() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Resume", "blank");
    String code = fac.code;
    WsClient a = WsClient.connect(clients, node.port());
    a.join(code, "Abe");
    WsClient b = WsClient.connect(clients, node.port());
    b.join(code, "Bo");
    a.command("raiseHand");
    b.command("raiseHand");
    String token = b.resume;
    String id = b.memberId;
    fac.state(s -> s.getJsonObject("queue").getJsonArray("waiting").contains(id));

    b.drop();
    JsonObject offline = fac.state(s -> !WsClient.member(s, id).getBoolean("online"));
    assertTrue(offline.getJsonObject("queue").getJsonArray("waiting").contains(id), "still waiting while offline");
    assertTrue(WsClient.member(offline, id).getBoolean("handRaised"));

    WsClient back = WsClient.connect(clients, node.port());
    JsonObject w = back.resume(code, token);
    assertEquals(id, w.getString("memberId"));
    assertEquals(token, w.getString("resume"));
    JsonObject state = w.getJsonObject("state");
    assertTrue(WsClient.member(state, id).getBoolean("online"));
    assertTrue(state.getJsonObject("queue").getJsonArray("waiting").contains(id));
    assertEquals(id, w.getJsonObject("you").getString("memberId"));
    // The speaker finishes; the resumed member is next as before.
    a.command("doneSpeaking");
    back.state(s -> s.getJsonObject("queue").getJsonObject("speaker") != null
        && id.equals(s.getJsonObject("queue").getJsonObject("speaker").getString("memberId")));
    back.close();
    a.close();
    fac.close();
  }

  @Test
  void theFacilitatorRoleSurvivesADrop() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Role", "blank");
    String code = fac.code;
    String token = fac.resume;
    fac.drop();
    WsClient back = WsClient.connect(clients, node.port());
    JsonObject w = back.resume(code, token);
    assertTrue(w.getJsonObject("you").getBoolean("facilitator"));
    back.command("startTimer", "seconds", 60);
    back.close();
  }

  @Test
  void leaveEndsTheTurnButTheMemberMayResume() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Leave", "blank");
    String code = fac.code;
    WsClient a = WsClient.connect(clients, node.port());
    a.join(code, "Abe");
    a.command("raiseHand");
    String id = a.memberId;
    fac.state(s -> s.getJsonObject("queue").getJsonObject("speaker") != null);
    a.command("leave");
    JsonObject s = fac.state(st -> !WsClient.member(st, id).getBoolean("online"));
    assertEquals(null, s.getJsonObject("queue").getValue("speaker"));
    assertEquals(1, WsClient.member(s, id).getInteger("turns"));
    assertFalse(WsClient.member(s, id).getBoolean("handRaised"));
    assertEquals("not_joined", a.refused("raiseHand").getString("code"));
    JsonObject w = a.resume(code, a.resume);
    assertEquals(id, w.getString("memberId"));
    a.close();
    fac.close();
  }

  @Test
  void aRemovedMembersTokenIsDead() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Remove", "blank");
    String code = fac.code;
    WsClient a = WsClient.connect(clients, node.port());
    a.join(code, "Abe");
    fac.command("removeMember", "memberId", a.memberId);
    assertEquals("removed", a.nextOfType("closed").getString("reason"));
    a.awaitClosed();
    WsClient again = WsClient.connect(clients, node.port());
    again.send(new JsonObject().put("type", "join").put("code", code).put("resume", a.resume));
    assertEquals("not_found", again.next().getString("code"));
    again.close();
    fac.close();
  }
}
