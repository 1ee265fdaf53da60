package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertServes;
import static app.roundtable.testsupport.Edge.assertUnchanged;
import static app.roundtable.testsupport.Edge.rawError;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.roundtable.testsupport.Edge;
import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frames the server can't use: each gets its documented error, changes nothing, and leaves the
 * socket open — except a frame over the size limit, which closes it with 1009.
 */
class BadFrameTest extends InMemoryNodeTest {
  String code;
  String key;
  /** The facilitator, joined, on the board's writing phase. */
  WsClient fac;

  @BeforeEach
  void session() {
    JsonObject created = http.createSession("Bad input", "first");
    code = created.getString("code");
    key = created.getString("facilitatorKey");
    fac = WsClient.connect(clients, node.port());
    fac.joinWithKey(code, "Fay", key);
    fac.command("setBoardPhase", "phase", "writing");
    fac.command("postIdea", "text", "Pair up for practice");
  }

  @AfterEach
  void close() {
    fac.close();
  }

  @Test
  void framesThatAreNotCommandObjectsAreBadRequests() {
    Snapshot before = snapshot(fac);
    for (String frame : new String[] {
        "not json", "{\"type\":\"postIdea\",\"text\":", "", "[]", "[{\"type\":\"ping\"}]", "42", "\"ping\"",
        "null", "true", "{}", "{\"text\":\"no type\"}", "{\"type\":null}", "{\"type\":7}",
        "{\"type\":[\"ping\"]}", "{\"type\":\"launchRocket\"}", "{\"type\":\"PING\"}", "{\"type\":\"welcome\"}"}) {
      JsonObject e = rawError(fac, frame);
      assertEquals("bad_request", e.getString("code"), frame);
      assertFalse(e.getString("message").isBlank(), "a message says what was wrong");
    }
    assertUnchanged(fac, before);
    assertAlive(fac);
    assertServes(clients, node.port(), code);
  }

  @Test
  void theClientsIdIsEchoedWhenItCanBeRead() {
    Snapshot before = snapshot(fac);
    assertEquals("x1", rawError(fac, "{\"type\":\"launchRocket\",\"id\":\"x1\"}").getString("id"));
    assertEquals("x2", rawError(fac, "{\"id\":\"x2\"}").getString("id"));
    assertEquals("x3", rawError(fac, "{\"type\":\"postIdea\",\"id\":\"x3\"}").getString("id"));
    // An id that is not a string can't be echoed: the error comes without one.
    JsonObject e = rawError(fac, "{\"type\":\"postIdea\",\"id\":5,\"text\":\"hi\"}");
    assertEquals("bad_request", e.getString("code"));
    assertNull(e.getValue("id"));
    assertEquals("bad_request", rawError(fac, "{\"type\":\"ping\",\"id\":\"" + "i".repeat(65) + "\"}").getString("code"));
    assertUnchanged(fac, before);
    assertAlive(fac);
  }

  @Test
  void wrongTypedFieldsAreBadRequests() {
    Snapshot before = snapshot(fac);
    Object[][] cases = {
        {"startTimer", "seconds", "60"},
        {"startTimer", "seconds", 1.5},
        {"startTimer", "seconds", 1e12},
        {"startTimer", "seconds", true},
        {"setVotesPerMember", "votes", new JsonArray().add(3)},
        {"rename", "name", 42},
        {"rename", "name", new JsonArray().add("Fay")},
        {"rename", "name", new JsonObject().put("first", "Fay")},
        {"postIdea", "text", new JsonArray().add("an idea")},
        {"postIdea", "text", 7},
        {"editIdea", "ideaId", 1, "text", "x"},
        {"setBoardPhase", "phase", 2},
        {"setGroundRules", "rules", "one rule"},
        {"setGroundRules", "rules", new JsonArray().add(1)},
        {"ping", "t", "now"},
    };
    for (Object[] c : cases) {
      JsonObject e = fac.refused((String) c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals("bad_request", e.getString("code"), java.util.Arrays.toString(c));
    }
    assertUnchanged(fac, before);
    assertAlive(fac);
    assertServes(clients, node.port(), code);
  }

  @Test
  void missingRequiredFieldsAreBadRequests() {
    Snapshot before = snapshot(fac);
    String[] types = {"postIdea", "editIdea", "deleteIdea", "rename", "startTimer", "setBoardPhase",
        "setQueuePolicy", "addAgendaItem", "startAgendaItem", "addCommitment", "setCommitmentStatus",
        "setVotesPerMember", "handOff", "removeMember", "setGroundRules", "vote"};
    for (String type : types) {
      assertEquals("bad_request", fac.refused(type).getString("code"), type);
    }
    // Present but null counts as missing; present but empty is not a usable reference either.
    assertEquals("bad_request", fac.refused("postIdea", "text", null).getString("code"));
    assertEquals("bad_request", fac.refused("deleteIdea", "ideaId", "").getString("code"));
    assertUnchanged(fac, before);
    assertAlive(fac);
  }

  @Test
  void unknownEnumValuesAreBadRequests() {
    Snapshot before = snapshot(fac);
    assertEquals("bad_request", fac.refused("setBoardPhase", "phase", "brainstorm").getString("code"));
    assertEquals("bad_request", fac.refused("setBoardPhase", "phase", "WRITING").getString("code"));
    assertEquals("bad_request", fac.refused("setQueuePolicy", "policy", "loudest").getString("code"));
    assertEquals("bad_request", fac.refused("addAgendaItem", "title", "Lunch", "minutes", 30, "kind", "lunch").getString("code"));
    String commitment = commitmentOf(fac, "Ask first");
    before = snapshot(fac);
    assertEquals("bad_request", fac.refused("setCommitmentStatus", "commitmentId", commitment, "status", "maybe").getString("code"));
    assertUnchanged(fac, before);
    assertAlive(fac);
  }

  @Test
  void overLongTextIsOverTheLimitAndBlankTextIsBad() {
    Snapshot before = snapshot(fac);
    assertEquals("limit_exceeded", fac.refused("rename", "name", "n".repeat(41)).getString("code"));
    assertEquals("limit_exceeded", fac.refused("postIdea", "text", "i".repeat(281)).getString("code"));
    assertEquals("limit_exceeded", fac.refused("addCommitment", "text", "c".repeat(281)).getString("code"));
    assertEquals("limit_exceeded", fac.refused("setBoardPrompt", "prompt", "p".repeat(281)).getString("code"));
    assertEquals("limit_exceeded", fac.refused("addAgendaItem", "title", "t".repeat(281), "minutes", 5).getString("code"));
    assertEquals("bad_request", fac.refused("rename", "name", "   ").getString("code"));
    assertEquals("bad_request", fac.refused("rename", "name", "").getString("code"));
    assertEquals("bad_request", fac.refused("postIdea", "text", " \n ").getString("code"));
    assertEquals("bad_request", fac.refused("postIdea", "text", "bell\u0007").getString("code"));
    assertUnchanged(fac, before);
    // Right at the limit is fine, counted in characters rather than UTF-16 units.
    fac.command("rename", "name", "n".repeat(40));
    fac.command("postIdea", "text", "i".repeat(280));
    fac.command("rename", "name", "\uD83D\uDE00".repeat(40));
    fac.command("postIdea", "text", "\uD83C\uDF89".repeat(280));
    assertAlive(fac);
  }

  @Test
  void joinsThatCantBeAcceptedChangeNothing() {
    Snapshot before = snapshot(fac);
    try (WsClient c = WsClient.connect(clients, node.port())) {
      assertEquals("limit_exceeded", c.refused("join", "code", code, "name", "n".repeat(41)).getString("code"));
      assertEquals("bad_request", c.refused("join", "code", code, "name", "  ").getString("code"));
      assertEquals("bad_request", c.refused("join", "code", code).getString("code"));
      assertEquals("bad_request", c.refused("join", "name", "Nobody").getString("code"));
      assertEquals("bad_request", c.refused("join", "code", 12345, "name", "Nobody").getString("code"));
      assertEquals("bad_request", c.refused("join", "code", code, "role", "admin").getString("code"));
      assertEquals("unknown_session", c.refused("join", "code", "zzzzzzzzzzzzz", "name", "Nobody").getString("code"));
      assertEquals("unknown_session", c.refused("join", "code", "not a code", "name", "Nobody").getString("code"));
      assertEquals("not_found", c.refused("join", "code", code, "resume", "no-such-token").getString("code"));
      assertEquals("forbidden", c.refused("join", "code", code, "name", "Mallory", "key", "guess").getString("code"));
      // Still not joined after all that, and still able to join.
      assertEquals("not_joined", c.refused("raiseHand").getString("code"));
      assertUnchanged(fac, before);
      c.join(code, "Finally");
    }
  }

  @Test
  void commandsBeforeJoinAreNotJoined() {
    Snapshot before = snapshot(fac);
    try (WsClient c = WsClient.connect(clients, node.port())) {
      for (String type : new String[] {"sync", "raiseHand", "leave", "endSession"}) {
        assertEquals("not_joined", c.refused(type).getString("code"), type);
      }
      assertEquals("not_joined", c.refused("postIdea", "text", "sneaky").getString("code"));
      // Even ping waits for the join; the socket is still there for it.
      assertEquals("not_joined", c.refused("ping", "t", 1).getString("code"));
      assertUnchanged(fac, before);
      c.join(code, "Now joined");
      assertAlive(c);
    }
  }

  @Test
  void joiningTwiceOnOneSocketIsABadRequest() {
    Snapshot before = snapshot(fac);
    assertEquals("bad_request", fac.refused("join", "code", code, "name", "Fay again").getString("code"));
    assertEquals("bad_request", fac.refused("join", "code", code, "role", "display").getString("code"));
    assertEquals("bad_request", fac.refused("join", "code", code, "name", "Fay", "key", key).getString("code"));
    assertUnchanged(fac, before);
    assertAlive(fac);
  }

  @Test
  void aDisplayMayOnlyPingAndSync() {
    try (WsClient display = WsClient.connect(clients, node.port())) {
      display.joinDisplay(code);
      Snapshot before = snapshot(fac);
      for (String type : new String[] {"raiseHand", "leave", "endSession", "nextSpeaker"}) {
        assertEquals("forbidden", display.refused(type).getString("code"), type);
      }
      assertEquals("forbidden", display.refused("postIdea", "text", "from the wall").getString("code"));
      assertEquals("forbidden", display.refused("setBoardPhase", "phase", "revealed").getString("code"));
      assertUnchanged(fac, before);
      assertEquals(before.v(), snapshot(display).v());
      assertAlive(display);
    }
  }

  @Test
  void aBinaryFrameIsABadRequestAndTheSocketStays() {
    Snapshot before = snapshot(fac);
    Edge.pace();
    fac.sendBinary("{\"type\":\"postIdea\",\"text\":\"in binary\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("bad_request", fac.nextOfType("error").getString("code"));
    assertUnchanged(fac, before);
    assertAlive(fac);
    fac.command("postIdea", "text", "in text");
  }

  @Test
  void aFrameOverSixteenKibClosesWith1009AndOthersAreServed() {
    try (WsClient member = WsClient.connect(clients, node.port())) {
      member.join(code, "Max");
      Snapshot before = snapshot(fac);
      // Valid JSON with a large unknown field: only its size is wrong.
      String big = new JsonObject().put("type", "ping").put("t", 1).put("pad", "x".repeat(16 * 1024)).encode();
      member.sendRaw(big);
      assertEquals(1009, member.awaitClosed());
      // The member only went offline; nothing it sent was applied.
      JsonObject offline = fac.state(s -> !online(s, member.memberId));
      assertEquals(before.state().getJsonObject("board"), offline.getJsonObject("board"));
      assertAlive(fac);
      assertServes(clients, node.port(), code);
    }
  }

  @Test
  void aMessageOverSixteenKibInFragmentsClosesWith1009() {
    try (WsClient member = WsClient.connect(clients, node.port())) {
      member.join(code, "Frag");
      String half = "x".repeat(9 * 1024);
      member.sendFragments("{\"type\":\"ping\",\"pad\":\"" + half, half + "\"}");
      assertEquals(1009, member.awaitClosed());
      assertAlive(fac);
      assertServes(clients, node.port(), code);
    }
  }

  @Test
  void aFrameJustUnderTheLimitIsRead() {
    // 16 KiB of frame, most of it an unknown field that is ignored.
    String prefix = "{\"type\":\"ping\",\"t\":99,\"pad\":\"";
    String frame = prefix + "x".repeat(16 * 1024 - prefix.length() - 2) + "\"}";
    assertEquals(16 * 1024, frame.getBytes(StandardCharsets.UTF_8).length);
    Edge.pace();
    fac.sendRaw(frame);
    assertEquals(99, fac.nextOfType("pong").getLong("t"));
    assertFalse(fac.isClosed());
  }

  private static boolean online(JsonObject state, String memberId) {
    for (Object m : state.getJsonArray("members")) {
      JsonObject member = (JsonObject) m;
      if (member.getString("id").equals(memberId)) return member.getBoolean("online");
    }
    return false;
  }

  private static String commitmentOf(WsClient c, String text) {
    c.command("addCommitment", "text", text);
    for (Object o : snapshot(c).state().getJsonArray("commitments")) {
      JsonObject k = (JsonObject) o;
      if (k.getString("text").equals(text)) return k.getString("id");
    }
    throw new AssertionError("commitment not found");
  }
}
