package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting a session: with the facilitator key over HTTP, or as the facilitator on the socket.
 * Every socket of it is told {@code closed deleted}, and from then on the code is unknown
 * everywhere: HTTP 404, {@code unknown_session} on join.
 */
class SessionDeletionTest extends InMemoryNodeTest {

  @Test
  void theFacilitatorKeyDeletesTheSessionOverHttpAndEverySocketIsClosed() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Retro with secrets", "blank");
    WsClient member = WsClient.connect(clients, node.port());
    member.join(fac.code, "Mia");
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(fac.code);
    String path = "/api/sessions/" + fac.code;

    assertEquals(401, http.delete(path, Map.of()).status(), "no key, no delete");
    assertEquals(403, http.delete(path, Map.of("X-Facilitator-Key", "not-the-key")).status());
    assertEquals(200, http.get(path).status(), "still there after the refusals");

    assertEquals(204, http.delete(path, Map.of("X-Facilitator-Key", fac.facilitatorKey)).status());

    for (WsClient c : new WsClient[] {fac, member, display}) {
      JsonObject closed = c.nextOfType("closed");
      assertEquals("deleted", closed.getString("reason"));
      assertEquals(1000, c.awaitClosed());
    }
    assertEquals(404, http.get(path).status());
    assertEquals(404, http.delete(path, Map.of("X-Facilitator-Key", fac.facilitatorKey)).status(), "gone already");
    assertEquals(404, http.get(path + "/summary", Map.of("X-Facilitator-Key", fac.facilitatorKey)).status());
    WsClient late = WsClient.connect(clients, node.port());
    JsonObject refused = late.send(new JsonObject().put("type", "join").put("code", fac.code).put("name", "Late")) == null
        ? null : late.nextOfType("error");
    assertEquals("unknown_session", refused.getString("code"));
    WsClient again = WsClient.connect(clients, node.port());
    again.send(new JsonObject().put("type", "join").put("code", fac.code).put("resume", member.resume));
    assertEquals("unknown_session", again.nextOfType("error").getString("code"), "a resume finds nothing either");
    late.close();
    again.close();
  }

  @Test
  void theFacilitatorDeletesTheSessionWithACommandAndOthersMayNot() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Short-lived", "blank");
    WsClient member = WsClient.connect(clients, node.port());
    member.join(fac.code, "Ned");

    JsonObject forbidden = member.refused("deleteSession");
    assertEquals("forbidden", forbidden.getString("code"));
    assertEquals(200, http.get("/api/sessions/" + fac.code).status(), "a member cannot delete it");

    String id = fac.send("deleteSession");
    JsonObject ack = fac.next(m -> id.equals(m.getString("id")));
    assertEquals("ack", ack.getString("type"), "the facilitator's command is answered: " + ack.encode());
    assertEquals("deleted", fac.nextOfType("closed").getString("reason"));
    assertEquals("deleted", member.nextOfType("closed").getString("reason"));
    assertEquals(1000, member.awaitClosed());
    assertEquals(404, http.get("/api/sessions/" + fac.code).status());
  }
}
