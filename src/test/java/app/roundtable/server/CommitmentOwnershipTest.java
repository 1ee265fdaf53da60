package app.roundtable.server;

import static app.roundtable.testsupport.Edge.assertAlive;
import static app.roundtable.testsupport.Edge.assertUnchanged;
import static app.roundtable.testsupport.Edge.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.roundtable.testsupport.Edge.Snapshot;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.SeriesStart;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Last session's commitments belong to the people who made them, not to a name: in the follow-up,
 * taking someone's name (by joining with it or renaming to it) gives no say over their commitment;
 * the same person, coming back with their client's series identity under any name, has it.
 */
class CommitmentOwnershipTest extends InMemoryNodeTest {
  static final String ANA = "ana-identity-0123456789abcdef";
  static final String BEN = "ben-identity-0123456789abcdef";
  static final String MAL = "mal-identity-0123456789abcdef";

  @Test
  void takingSomeonesNameGivesNoSayOverTheirPreviousCommitment() {
    SeriesStart series = SeriesStart.begin(http, clients, node.port(), ANA, BEN);
    String next = series.next();
    WsClient fac2 = WsClient.connect(clients, node.port());
    fac2.joinWithKey(next, "Fay", series.nextKey());
    String anas = previousId(fac2, "Ask before advising");
    String bens = previousId(fac2, "Delegate one decision");

    // Mallory joins under her own name and identity, then renames to Ana.
    WsClient mal = WsClient.connect(clients, node.port());
    JsonObject w = mal.joinWithIdentity(next, "Mallory", MAL);
    assertEquals(List.of(), w.getJsonObject("you").getJsonArray("myPrevious").getList());
    mal.command("rename", "name", "Ana");
    WsClient v1 = WsClient.connect(clients, node.port());
    v1.join(next, "ana");
    Snapshot before = snapshot(mal);
    assertEquals("forbidden", mal.refused("setCommitmentStatus", "commitmentId", anas, "status", "done").getString("code"));
    assertEquals("not_found", mal.refused("setCommitmentStatus", "commitmentId", "no-such-id", "status", "done").getString("code"));
    // A v1 client (no identity) that joined as "ana" gets no further.
    assertEquals("forbidden", v1.refused("setCommitmentStatus", "commitmentId", anas, "status", "tried").getString("code"));
    assertUnchanged(mal, before);
    assertAlive(mal);
    assertAlive(v1);

    // Ana comes back from her own client under another name: the commitment is hers, and only hers.
    WsClient ana2 = WsClient.connect(clients, node.port());
    JsonObject welcome = ana2.joinWithIdentity(next, "Ana L.", ANA);
    assertEquals(List.of(anas), welcome.getJsonObject("you").getJsonArray("myPrevious").getList());
    assertEquals("forbidden", ana2.refused("setCommitmentStatus", "commitmentId", bens, "status", "done").getString("code"));
    ana2.command("setCommitmentStatus", "commitmentId", anas, "status", "done", "note", "every meeting");
    JsonObject mine = previous(snapshot(fac2).state(), "Ask before advising");
    assertEquals("done", mine.getString("status"));
    assertEquals("every meeting", mine.getString("note"));
    // The facilitator may still record a report for someone who couldn't come.
    fac2.command("setCommitmentStatus", "commitmentId", bens, "status", "tried");

    // Nothing public shows the identity or anything derived from it.
    for (WsClient c : List.of(fac2, mal, v1, ana2)) {
      for (String raw : c.all()) {
        for (String secret : List.of(ANA, BEN, MAL)) assertFalse(raw.contains(secret), "identity in a frame");
        assertFalse(raw.contains("seriesHash") || raw.contains("ownerHash"), "identity hash in a frame");
      }
    }
    for (Object o : snapshot(fac2).state().getJsonObject("previous").getJsonArray("commitments")) {
      assertEquals(Set.of("id", "memberId", "name", "text", "status", "note", "notes"), ((JsonObject) o).fieldNames());
    }
    for (WsClient c : List.of(fac2, mal, v1, ana2)) c.close();
    series.close();
  }

  private static JsonObject previous(JsonObject state, String text) {
    JsonArray list = state.getJsonObject("previous").getJsonArray("commitments");
    for (Object o : list) if (text.equals(((JsonObject) o).getString("text"))) return (JsonObject) o;
    throw new AssertionError("no previous commitment " + text);
  }

  private static String previousId(WsClient c, String text) {
    return previous(snapshot(c).state(), text).getString("id");
  }
}
