package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertUnchanged;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.TestConfig;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.SeriesStart;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The practice log over real sockets: the author's private note reaches only the author's own
 * connections (on every device), a shared one everyone; a display, the facilitator and another
 * member are refused, and the connection stays up; metrics say nothing about notes.
 */
class PracticeNotesTest extends InMemoryNodeTest {
  /** /metrics on the public port, so the test can read what the metrics say (nothing about notes). */
  static Config nodeConfig() {
    return TestConfig.of(Map.of("METRICS_PUBLIC", "true"));
  }
  static final String ANA = "ana-identity-0123456789abcdef";
  static final String BEN = "ben-identity-0123456789abcdef";
  static final String PRIVATE = "felt awkward at first, will try again";
  static final String SHARED = "tried it twice, people talked more";

  @Test
  void privateNotesReachOnlyTheirAuthorAndNobodyElseMayWriteOnTheCommitment() {
    SeriesStart series = SeriesStart.begin(http, clients, node.port(), ANA, BEN);
    String next = series.next();

    WsClient fac2 = WsClient.connect(clients, node.port());
    fac2.joinWithKey(next, "Fay", series.nextKey());
    WsClient ana2 = WsClient.connect(clients, node.port());
    JsonObject welcome = ana2.joinWithIdentity(next, "Ana", ANA);
    WsClient phone = WsClient.connect(clients, node.port()); // Ana's other device, same member
    phone.resume(next, welcome.getString("resume"));
    WsClient ben2 = WsClient.connect(clients, node.port());
    ben2.joinWithIdentity(next, "Ben", BEN);
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(next);
    String anas = welcome.getJsonObject("you").getJsonArray("myPrevious").getString(0);

    ana2.command("addPracticeNote", "commitmentId", anas, "text", PRIVATE, "shared", false);
    long v = ana2.command("addPracticeNote", "commitmentId", anas, "text", SHARED, "shared", true);
    for (WsClient c : List.of(fac2, ana2, phone, ben2, display)) c.awaitVersion(v);
    JsonArray notes = snapshot(ben2).state().getJsonObject("previous").getJsonArray("commitments").getJsonObject(0).getJsonArray("notes");
    assertEquals(1, notes.size());
    assertEquals(SHARED, notes.getJsonObject(0).getString("text"));
    JsonArray mine = snapshot(phone).you().getJsonArray("myPracticeNotes");
    assertEquals(1, mine.size(), "the author's other device has the private note");
    assertEquals(PRIVATE, mine.getJsonObject(0).getString("text"));
    String privateId = mine.getJsonObject(0).getString("id");
    String sharedId = notes.getJsonObject(0).getString("id");

    // Nobody else may write on Ana's commitment or touch her notes; each stays connected.
    Snapshot before = snapshot(ben2);
    for (WsClient other : List.of(fac2, ben2)) {
      assertEquals("forbidden", other.refused("addPracticeNote", "commitmentId", anas, "text", "x", "shared", true).getString("code"));
      for (String id : List.of(privateId, sharedId)) {
        assertEquals("forbidden", other.refused("editPracticeNote", "noteId", id, "text", "mine now").getString("code"));
        assertEquals("forbidden", other.refused("removePracticeNote", "noteId", id).getString("code"));
      }
      assertAlive(other);
    }
    assertEquals("forbidden", display.refused("addPracticeNote", "commitmentId", anas, "text", "x", "shared", true).getString("code"));
    assertEquals("forbidden", display.refused("removePracticeNote", "noteId", sharedId).getString("code"));
    assertAlive(display);
    assertEquals("limit_exceeded", ana2.refused("addPracticeNote", "commitmentId", anas, "text", "x".repeat(1001), "shared", false).getString("code"));
    assertUnchanged(ben2, before);

    // The author edits and removes from the other device.
    phone.command("editPracticeNote", "noteId", privateId, "text", PRIVATE + " (on Friday)");
    long gone = phone.command("removePracticeNote", "noteId", sharedId);
    for (WsClient c : List.of(fac2, ana2, ben2, display)) c.awaitVersion(gone);
    assertEquals(0, snapshot(display).state().getJsonObject("previous").getJsonArray("commitments").getJsonObject(0).getJsonArray("notes").size());

    for (WsClient c : List.of(fac2, ben2, display)) {
      for (String raw : c.all()) assertFalse(raw.contains("felt awkward"), "a private note reached someone else: " + raw);
    }
    String summary = http.get("/api/sessions/" + next + "/summary", Map.of("X-Facilitator-Key", series.nextKey())).body();
    assertFalse(summary.contains("felt awkward"));
    String metrics = http.get("/metrics").body();
    assertFalse(metrics.contains("PracticeNote"), "metrics count practice notes");
    assertTrue(metrics.contains("roundtable_commands"), "metrics are there, just not about notes");
    for (WsClient c : List.of(fac2, ana2, phone, ben2, display)) c.close();
    series.close();
  }
}
