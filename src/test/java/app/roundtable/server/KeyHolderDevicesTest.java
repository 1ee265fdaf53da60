package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md v1.2 over real sockets: the key holder is one person on any number of devices, each
 * with the same views, none pushed out; a resume on a second device works beside the first.
 */
class KeyHolderDevicesTest extends InMemoryNodeTest {

  @Test
  void theKeyOnASecondLaptopContinuesTheSameMemberAndBothLaptopsKeepWorking() {
    WsClient first = WsClient.facilitator(clients, node.port(), "Two laptops", "blank");
    first.idPrefix = "laptop1-";
    WsClient ana = WsClient.connect(clients, node.port());
    ana.join(first.code, "Ana");
    first.command("addCommitment", "text", "Listen first");
    first.command("raiseHand");

    WsClient second = WsClient.connect(clients, node.port());
    second.idPrefix = "laptop2-";
    JsonObject w = second.joinWithKey(first.code, "Maria", first.facilitatorKey);
    assertEquals(first.memberId, w.getString("memberId"), "the same member");
    assertEquals(first.resume, w.getString("resume"), "the same resume token, handed again");
    JsonObject state = w.getJsonObject("state");
    assertEquals(2, state.getJsonArray("members").size(), "Fae and Ana: no second Fae");
    assertEquals("Fae", WsClient.member(state, first.memberId).getString("name"));
    assertEquals(first.memberId, state.getJsonArray("commitments").getJsonObject(0).getString("memberId"));
    assertTrue(w.getJsonObject("you").getBoolean("facilitator"));

    // Both devices act, and both see every change with the same private view.
    long v1 = first.command("startTimer", "seconds", 120);
    second.awaitVersion(v1);
    long v2 = second.command("pauseTimer");
    first.awaitVersion(v2);
    assertEquals(first.latest, second.latest);
    assertEquals(first.you, second.you);
    assertFalse(first.isClosed(), "the first laptop stays connected");

    // One device closing leaves the member online; the other one still works.
    second.drop();
    long v3 = first.command("resumeTimer");
    ana.awaitVersion(v3);
    assertTrue(WsClient.member(ana.latest, first.memberId).getBoolean("online"), "still online on the first laptop");
    ana.close();
    first.close();
  }

  @Test
  void aResumeOnASecondDeviceWorksBesideTheFirst() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Phone and laptop", "blank");
    WsClient laptop = WsClient.connect(clients, node.port());
    laptop.idPrefix = "laptop-";
    laptop.join(fac.code, "Ana");
    WsClient phone = WsClient.connect(clients, node.port());
    phone.idPrefix = "phone-";
    JsonObject w = phone.resume(fac.code, laptop.resume);
    assertEquals(laptop.memberId, w.getString("memberId"));

    long v = phone.command("raiseHand");
    laptop.awaitVersion(v);
    long v2 = laptop.command("doneSpeaking");
    phone.awaitVersion(v2);
    assertEquals(laptop.latest, phone.latest, "the same views on both devices");
    assertEquals(1, WsClient.member(phone.latest, laptop.memberId).getInteger("turns"));
    phone.drop();
    long v3 = laptop.command("rename", "name", "Ana M.");
    fac.awaitVersion(v3);
    JsonArray members = fac.latest.getJsonArray("members");
    assertEquals(2, members.size());
    assertTrue(WsClient.member(fac.latest, laptop.memberId).getBoolean("online"));
    for (WsClient c : List.of(laptop, fac)) c.close();
  }
}
