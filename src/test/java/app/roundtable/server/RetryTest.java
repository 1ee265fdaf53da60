package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A command retried with the same id (after `unavailable`, or from a new socket) lands once. */
class RetryTest extends InMemoryNodeTest {

  @Test
  void theSameIdFromTheSameMemberIsAppliedOnceEvenAfterAResume() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Retry", "blank");
    String code = fac.code;
    fac.command("setBoardPhase", "phase", "writing");
    WsClient m = WsClient.connect(clients, node.port());
    m.join(code, "Mo");

    JsonObject post = new JsonObject().put("type", "postIdea").put("id", "retry-1").put("text", "once only");
    m.send(post);
    long v = m.next(f -> "retry-1".equals(f.getString("id"))).getLong("v");
    m.send(post);
    JsonObject again = m.next(f -> "retry-1".equals(f.getString("id")));
    assertEquals("ack", again.getString("type"));
    assertEquals(v, again.getLong("v"));

    m.drop();
    WsClient back = WsClient.connect(clients, node.port());
    back.resume(code, m.resume);
    back.send(post);
    JsonObject third = back.next(f -> "retry-1".equals(f.getString("id")));
    assertEquals(v, third.getLong("v"));
    assertEquals(1, back.you.getJsonArray("myIdeas").size());
    long now = fac.command("sync");
    fac.awaitVersion(now);
    assertEquals(1, fac.latest.getJsonObject("board").getInteger("ideaCount"));
    back.close();
    fac.close();
  }
}
