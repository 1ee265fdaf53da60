package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.InMemoryNodeTest;
import app.roundtable.testsupport.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads every frame every client received, the server's log output and its metrics, and finds no
 * link from an idea or a vote to its author: no author field, no private view sent to anyone but
 * its owner, no reveal order that follows posting order, nothing in logs or metric labels.
 */
class AnonymityTest extends InMemoryNodeTest {
  static final List<String> logLines = new ArrayList<>();
  static final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (logLines) {
        logLines.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
            + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeAll
  static void captureLogs() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterAll
  static void stopCapturing() {
    Logger.getLogger("").removeHandler(capture);
    Logger.getLogger("").setLevel(Level.INFO);
  }

  @Test
  void nothingLinksAnIdeaOrAVoteToItsAuthor() {
    WsClient fac = WsClient.facilitator(clients, node.port(), "Anonymous board", "blank");
    String code = fac.code;
    List<WsClient> members = new ArrayList<>(List.of(fac));
    for (String n : List.of("Abe", "Bo", "Cy")) {
      WsClient c = WsClient.connect(clients, node.port());
      c.join(code, n);
      members.add(c);
    }
    WsClient display = WsClient.connect(clients, node.port());
    display.joinDisplay(code);
    fac.command("setBoardPhase", "phase", "writing");

    // Each member posts two ideas, in a known order; the texts are unique markers.
    Map<String, String> authorOf = new HashMap<>();
    List<String> postingOrder = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (WsClient c : members) {
        String text = "secret-idea-" + round + "-" + c.memberId.substring(0, 5);
        long v = c.command("postIdea", "text", text);
        authorOf.put(text, c.memberId);
        postingOrder.add(text);
        // Only the author gets a private view for this change; everyone else only the count.
        for (WsClient other : members) {
          if (other == c) continue;
          JsonObject st = other.next(m -> "state".equals(m.getString("type")) && m.getLong("v") == v);
          assertTrue(st.getJsonObject("state").getJsonObject("board").getJsonArray("ideas").isEmpty());
          other.assertNoMore(30);
        }
      }
    }

    // Reveal several times: the order must not follow posting order every time.
    boolean differs = false;
    for (int k = 0; k < 4 && !differs; k++) {
      fac.command("setBoardPhase", "phase", "revealed");
      List<String> shown = texts(fac.latest);
      assertEquals(new HashSet<>(postingOrder), new HashSet<>(shown));
      differs = !shown.equals(postingOrder);
      fac.command("setBoardPhase", "phase", "writing");
    }
    assertTrue(differs, "reveal order followed posting order four times in a row");

    fac.command("setBoardPhase", "phase", "voting");
    JsonArray ideas = fac.latest.getJsonObject("board").getJsonArray("ideas");
    for (WsClient c : members) {
      c.command("vote", "ideaId", ideas.getJsonObject(members.indexOf(c)).getString("id"));
    }
    fac.command("setBoardPhase", "phase", "results");

    // Scan everything every client ever received.
    for (WsClient c : members) scan(c, authorOf);
    scan(display, authorOf);

    // Server logs and metrics: no idea text, no vote target.
    String metrics = new Http(node.metricsPort()).get("/metrics").body();
    synchronized (logLines) {
      assertFalse(logLines.isEmpty(), "the log capture works");
      for (String line : logLines) {
        for (String text : authorOf.keySet()) assertFalse(line.contains(text), "idea text in a log line: " + line);
        for (Object i : ideas) assertFalse(line.contains(((JsonObject) i).getString("id")), "idea id in a log line");
      }
    }
    for (String text : authorOf.keySet()) assertFalse(metrics.contains(text), "idea text in metrics");
    for (Object i : ideas) assertFalse(metrics.contains(((JsonObject) i).getString("id")), "idea id in metrics");
    for (WsClient c : members) assertFalse(metrics.contains(c.memberId), "member id in metrics");
    // A vote and an unvote are one label: counters must not show a member changing their mind.
    assertFalse(metrics.contains("type=\"vote\"") || metrics.contains("type=\"unvote\""), "vote told from unvote in metrics");
    assertTrue(metrics.contains("type=\"vote_or_unvote\""), "votes are still counted");
    for (WsClient c : members) c.close();
    display.close();
  }

  private static List<String> texts(JsonObject state) {
    List<String> out = new ArrayList<>();
    for (Object i : state.getJsonObject("board").getJsonArray("ideas")) out.add(((JsonObject) i).getString("text"));
    return out;
  }

  /** Every frame this client got: ideas carry no author; private views carry only its own. */
  private static void scan(WsClient c, Map<String, String> authorOf) {
    for (String raw : c.all()) {
      JsonObject m = new JsonObject(raw);
      JsonObject state = m.getJsonObject("state");
      if (state != null) {
        for (Object o : state.getJsonObject("board").getJsonArray("ideas")) {
          JsonObject idea = (JsonObject) o;
          Set<String> keys = new HashSet<>(idea.fieldNames());
          keys.removeAll(Set.of("id", "text", "group", "votes"));
          assertTrue(keys.isEmpty(), "idea carries more than id/text/group/votes: " + idea.encode());
          String author = authorOf.get(idea.getString("text"));
          assertFalse(idea.encode().contains(author), "author id inside an idea");
        }
        if (!"results".equals(state.getJsonObject("board").getString("phase"))) {
          for (Object o : state.getJsonObject("board").getJsonArray("ideas")) {
            assertFalse(((JsonObject) o).containsKey("votes"), "votes before results");
          }
        }
      }
      JsonObject you = m.getJsonObject("you");
      if (you != null) {
        assertEquals(c.memberId, you.getString("memberId"), "a private view went to someone else");
        for (Object o : you.getJsonArray("myIdeas")) {
          String text = ((JsonObject) o).getString("text");
          assertEquals(c.memberId, authorOf.get(text), "myIdeas holds someone else's idea");
        }
      }
      if (c.memberId == null) assertNotEquals("you", m.getString("type"), "a display got a private view");
    }
  }
}
