package app.roundtable.web;

import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.WsClient;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a full room on the projector. Twelve members (the limit), sixty revealed ideas in
 * groups, twenty-four commitments: at 1920x1080 and 1280x720 nothing is ever clipped, no text the
 * room reads is under 32 px at 1080p (labels 24 px), and whatever does not fit pages through so
 * that every idea and commitment is on screen within 30 s.
 */
class ProjectorFitsTest extends BrowserTest {
  static final long WITHIN_MS = 30_000;
  static final List<String> NAMES = List.of("Fae", "Ana", "Ben", "Chloé", "Dev", "Emeka", "Farida", "Gustavo",
      "Hanna", "Ivo", "Jun", "Katarzyna Wiśniewska");
  static final List<String> GROUPS = List.of("1:1s", "Feedback", "Delegation", "Hiring", "Focus time", "Learning");
  final List<WsClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(WsClient::close);
  }

  @Test
  void aFullRoomFitsBothProjectorsAtEveryStage() {
    WsClient fae = WsClient.facilitator(node.vertx(), node.port(), "Leading through change, a peer group for new managers", "first");
    clients.add(fae);
    for (String name : NAMES.subList(1, NAMES.size())) {
      WsClient c = WsClient.connect(node.vertx(), node.port());
      c.join(fae.code, name);
      clients.add(c);
    }
    Page big = open(browsers.context(1920, 1080), "/d/" + fae.code);
    Page small = open(browsers.context(1280, 720), "/d/" + fae.code);
    List<Page> projectors = List.of(big, small);
    for (Page p : projectors) assertThat(p.locator("#status")).hasText("Connected.");

    // The lobby: who is here, and the code to type, in groups of four.
    for (Page p : projectors) {
      assertThat(p.locator("#join-count")).hasText("12 people have joined");
      assertThat(p.locator("#lobby-names li")).hasCount(12);
      assertThat(p.locator("#join-code")).hasText(fae.code.toUpperCase());
      int n = fae.code.length();
      assertEquals((n + 3) / 4 - (n % 4 == 1 ? 1 : 0), p.locator("#join-code span").count(), "groups of four, none of one");
    }
    assertThat(big.locator("#join-url .join-code-inline")).hasText(fae.code);
    stage("lobby", projectors, ".lobby-names > li", NAMES);

    // The welcome: the ground rules beside the queue.
    List<JsonObject> items = items(fae);
    fae.command("nextAgendaItem");
    for (Page p : projectors) {
      assertThat(p.locator("#rules-section")).isVisible();
      assertThat(p.locator("#rules-section")).containsText("what is said here stays here", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
    }
    stage("welcome", projectors, ".rules-list > li", List.of());

    // A round of twelve.
    fae.command("nextAgendaItem");
    for (Page p : projectors) assertThat(p.locator("#queue-section .waiting-list li")).hasCount(11);
    stage("round", projectors, ".waiting-list > li", List.of());

    // The board: sixty ideas, revealed and grouped, voted on, ranked.
    fae.command("startAgendaItem", "itemId", idOf(items, "board"));
    List<String> ideas = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      for (int k = 0; k < 5; k++) {
        String text = "Idea " + (i * 5 + k + 1) + ": " + GROUPS.get((i + k) % GROUPS.size()).toLowerCase() + " every week, written down";
        clients.get(i).command("postIdea", "text", text);
        ideas.add(text);
      }
    }
    for (Page p : projectors) assertThat(p.locator("#board-section")).containsText("60 ideas on the board");
    stage("board-writing", projectors, ".idea", List.of());
    fae.command("setBoardPhase", "phase", "revealed");
    JsonArray revealed = fae.latest.getJsonObject("board").getJsonArray("ideas");
    assertEquals(60, revealed.size());
    for (int i = 0; i < revealed.size(); i++) {
      if (i % 3 == 2) continue; // a third stay on their own
      JsonObject idea = revealed.getJsonObject(i);
      fae.command("groupIdea", "ideaId", idea.getString("id"), "group", GROUPS.get(i % GROUPS.size()));
    }
    stage("board-revealed", projectors, ".idea", ideas);
    fae.command("setBoardPhase", "phase", "voting");
    for (int i = 0; i < clients.size(); i++) {
      for (int k = 0; k < 3; k++) clients.get(i).command("vote", "ideaId", revealed.getJsonObject((i * 7 + k * 11) % 60).getString("id"));
    }
    fae.command("setBoardPhase", "phase", "results");
    for (Page p : projectors) assertThat(p.locator("#board-section .votes").first()).isAttached();
    stage("board-results", projectors, ".idea", ideas);

    // Commitments: two each, twenty-four in all; then the close and the end of the agenda.
    fae.command("startAgendaItem", "itemId", idOf(items, "commitments"));
    List<String> commitments = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      for (int k = 1; k <= 2; k++) {
        String text = "Commitment " + (i * 2 + k) + ": hold a weekly 1:1 and ask one open question first";
        clients.get(i).command("addCommitment", "text", text);
        commitments.add(text);
      }
    }
    for (Page p : projectors) assertThat(p.locator("#commitments-section .commitment")).hasCount(24);
    stage("commitments", projectors, ".commitment", List.of());
    while (fae.latest.getJsonObject("agenda").getValue("currentId") != null) fae.command("nextAgendaItem");
    for (Page p : projectors) assertThat(p.locator("#main")).hasAttribute("data-stage", "done");
    for (Page p : projectors) assertThat(p.locator("#record-section .record-row")).hasCount(12);
    stage("close", projectors, ".commitment", commitments);
  }

  /**
   * One stage on both projectors: nothing clipped, type large enough at 1080p, every expected
   * item on screen within 30 s (paging), and a screenshot of each.
   */
  static void stage(String name, List<Page> projectors, String units, List<String> expected) {
    List<String> problems = new ArrayList<>();
    for (Page p : projectors) {
      p.waitForTimeout(300); // one frame after the last state: pages are worked out after each render
      for (String c : ProjectorChecks.clipped(p)) problems.add(ProjectorChecks.size(p) + " clipped: " + c);
    }
    for (String s : ProjectorChecks.smallText(projectors.get(0), 32, 24)) problems.add("1920x1080 small: " + s);
    for (Page p : projectors) Browsers.viewportShot(p, "projector-" + name + "-" + ProjectorChecks.size(p));
    if (!expected.isEmpty()) problems.addAll(ProjectorChecks.everyItemWithin(projectors, units, expected, WITHIN_MS));
    assertEquals(List.of(), problems, name);
  }

  static List<JsonObject> items(WsClient c) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray a = c.latest.getJsonObject("agenda").getJsonArray("items");
    for (int i = 0; i < a.size(); i++) out.add(a.getJsonObject(i));
    return out;
  }

  static String idOf(List<JsonObject> items, String kind) {
    return items.stream().filter(i -> kind.equals(i.getString("kind"))).findFirst().orElseThrow().getString("id");
  }
}
