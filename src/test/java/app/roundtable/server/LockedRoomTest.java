package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertUnchanged;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review's lock-out, against a real server: four fake displays take every display slot; the
 * facilitator locks the room and removes one, it cannot come back, and the facilitator's own
 * projector (opened with the key) takes the slot. While locked a new name is refused and a member
 * who is in the room resumes; refusals change nothing and keep the connection up.
 */
class LockedRoomTest extends InMemoryNodeTest {
  private final List<WsClient> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(WsClient::close);
  }

  private WsClient client() {
    WsClient c = WsClient.connect(clients, node.port());
    opened.add(c);
    return c;
  }

  private static JsonObject joinFrame(String code) {
    return new JsonObject().put("type", "join").put("code", code);
  }

  @Test
  void theFacilitatorUndoesTheDisplayLockOut() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Projector trouble", "blank");
    opened.add(fac);
    List<WsClient> fakes = new ArrayList<>();
    List<String> fakeIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      WsClient d = client();
      JsonObject w = d.joinDisplay(fac.code);
      assertNull(w.getString("memberId"));
      fakeIds.add(w.getString("displayId"));
      fakes.add(d);
    }
    JsonObject full = fac.state(s -> s.getInteger("displays") == 4);
    JsonArray list = full.getJsonArray("displayList");
    assertEquals(fakeIds, list.stream().map(o -> ((JsonObject) o).getString("id")).toList());
    WsClient projector = client();
    assertEquals("session_full", projector.refused("join", "code", fac.code, "role", "display").getString("code"));

    fac.command("lockRoom", "locked", true);
    assertTrue(fac.latest.getBoolean("locked"), "the ack follows the state it made");
    fac.command("removeDisplay", "displayId", fakeIds.get(0));
    WsClient removed = fakes.get(0);
    assertEquals("display-removed", removed.nextOfType("closed").getString("reason"));
    assertEquals(1000, removed.awaitClosed());
    assertEquals(3, fac.latest.getInteger("displays"), "its slot is free");

    // The fake reconnects at once: the lock keeps it out, and a wrong key does not help.
    WsClient again = client();
    assertEquals("room_locked", again.refused("join", "code", fac.code, "role", "display").getString("code"));
    assertEquals("forbidden", again.refused("join", "code", fac.code, "role", "display", "key", "guess").getString("code"));
    assertFalse(again.isClosed(), "a refused join leaves the socket open");
    // The facilitator's own projector brings the key and takes the free slot.
    WsClient real = client();
    real.send(joinFrame(fac.code).put("role", "display").put("key", fac.facilitatorKey));
    JsonObject welcome = real.nextOfType("welcome");
    String realId = welcome.getString("displayId");
    JsonObject after = fac.state(s -> s.getInteger("displays") == 4
        && s.getJsonArray("displayList").stream().anyMatch(o -> realId.equals(((JsonObject) o).getString("id"))));
    assertFalse(after.getJsonArray("displayList").stream().anyMatch(o -> fakeIds.get(0).equals(((JsonObject) o).getString("id"))));
    assertAlive(real);
  }

  @Test
  void aLockedRoomRefusesNewNamesButMembersResumeAndTheKeyHolderComesIn() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Locked", "blank");
    opened.add(fac);
    WsClient ana = client();
    ana.join(fac.code, "Ana");
    fac.command("lockRoom", "locked", true);
    ana.state(s -> s.getBoolean("locked"));
    ana.drain();

    assertEquals(true, http.get("/api/sessions/" + fac.code).json().getBoolean("locked"), "the join form can say so");
    assertEquals(true, http.get("/api/sessions/" + fac.code).json().getBoolean("locked"), "the join form can say so");
    Snapshot before = snapshot(fac);
    WsClient newcomer = client();
    JsonObject refused = newcomer.refused("join", "code", fac.code, "name", "Newcomer");
    assertEquals("room_locked", refused.getString("code"));
    assertFalse(newcomer.isClosed(), "a refused join leaves the socket open");
    assertUnchanged(fac, before);

    String token = ana.resume;
    ana.drop();
    WsClient back = client();
    back.resume(fac.code, token);
    assertEquals(ana.memberId, back.memberId, "the same member resumes");
    assertAlive(back);

    WsClient laptop = client();
    laptop.joinWithKey(fac.code, "Fac on the laptop", fac.facilitatorKey);
    assertEquals(fac.memberId, laptop.memberId, "the key holder continues on a second device");

    fac.command("lockRoom", "locked", false);
    newcomer.join(fac.code, "Newcomer"); // on the same socket: unlocking restores joins
    assertAlive(newcomer);
  }

  @Test
  void theMemberLockOutIsUndoneAndARemovedBrowserStaysOut() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Full of strangers", "blank");
    opened.add(fac);
    List<WsClient> fakes = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      WsClient f = client();
      f.joinWithIdentity(fac.code, "Fake " + i, "fake-browser-identity-" + i);
      fakes.add(f);
    }
    WsClient real = client();
    assertEquals("session_full", real.refused("join", "code", fac.code, "name", "Rosa").getString("code"));

    // Lock first, then remove: the freed slot cannot be taken straight back.
    fac.command("lockRoom", "locked", true);
    fac.command("removeMember", "memberId", fakes.get(0).memberId);
    assertEquals("removed", fakes.get(0).nextOfType("closed").getString("reason"));
    WsClient sameBrowser = client();
    assertEquals("forbidden", sameBrowser.refused("join", "code", fac.code, "name", "Another name",
        "identity", "fake-browser-identity-1").getString("code"), "a removed browser does not come back under a new name");
    WsClient newBrowser = client();
    assertEquals("room_locked", newBrowser.refused("join", "code", fac.code, "name", "Fresh fake",
        "identity", "fake-browser-identity-99").getString("code"), "the lock stops any new name");
    assertEquals(11, fac.latest.getJsonArray("members").size());

    // The facilitator lets the real person in: the free slot is theirs.
    fac.command("lockRoom", "locked", false);
    real.join(fac.code, "Rosa");
    assertAlive(real);
    fac.command("lockRoom", "locked", true);
    assertEquals(12, fac.latest.getJsonArray("members").size());
    fakes.forEach(WsClient::close);
  }

  @Test
  void onlyTheFacilitatorLocksOrRemovesAndRefusalsChangeNothing() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Who may", "blank");
    opened.add(fac);
    WsClient ben = client();
    ben.join(fac.code, "Ben");
    WsClient display = client();
    String displayId = display.joinDisplay(fac.code).getString("displayId");
    fac.state(s -> s.getInteger("displays") == 1);

    Snapshot before = snapshot(fac);
    assertEquals("forbidden", ben.refused("lockRoom", "locked", true).getString("code"));
    assertEquals("forbidden", ben.refused("removeDisplay", "displayId", displayId).getString("code"));
    assertEquals("forbidden", display.refused("lockRoom", "locked", true).getString("code"));
    assertEquals("not_found", fac.refused("removeDisplay", "displayId", "nosuchdisplay").getString("code"));
    assertEquals("bad_request", fac.refused("lockRoom", "locked", "yes").getString("code"));
    assertEquals("bad_request", fac.refused("removeDisplay").getString("code"));
    assertUnchanged(fac, before);
    for (WsClient c : List.of(fac, ben, display)) assertAlive(c);
  }
}
