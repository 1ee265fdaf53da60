package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.HybridRoomInBrowsersTest.addRoomMember;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.WsClient;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22's board in the browsers: three ideas about one-to-ones, one of them Dora's (in the room
 * without a device, typed by the facilitator), are put in one group from the facilitator's list;
 * their votes, split, add up; the projector ranks the group above an idea that beats each of them
 * alone, and shows how many have voted.
 */
class BoardGroupsInBrowsersTest extends BrowserTest {
  @Test
  void groupedDuplicatesAreRankedByTheirSummedVotesOnTheProjector() {
    JsonObject created = new Http(node.port()).createSession("Peer group", "blank");
    String code = created.getString("code");
    String key = created.getString("facilitatorKey");
    Page ana = open(browsers.context(1366, 900), "/s/" + code + "#key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    join(ana, "Ana");
    Page ben = open(browsers.phone(390, 844), "/s/" + code);
    join(ben, "Ben");
    Page display = open(browsers.context(1920, 1080), "/d/" + code);
    addRoomMember(ana, "Dora");
    // The board's phases come from the facilitator's own second connection (the key continues Ana):
    // this test is about the board, not the run bar.
    Vertx vertx = Vertx.vertx();
    try {
      WsClient phases = WsClient.connect(vertx, node.port());
      phases.joinWithKey(code, "Ana", key);
      phases.command("setBoardPhase", "phase", "writing");

      Locator benBoard = ben.locator("#board-section");
      for (String idea : List.of("weekly 1:1s", "1:1s every week", "walk and talk")) {
        benBoard.getByLabel("Your idea", new Locator.GetByLabelOptions().setExact(true)).fill(idea);
        benBoard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post idea")).click();
        assertThat(benBoard.locator(".my-ideas")).containsText(idea);
      }
      // Dora's paper note, typed by the facilitator, who is told plainly what that means.
      Locator room = ana.locator("#board-section .room-board");
      assertThat(room).containsText("you will know which ideas and votes are theirs");
      room.getByLabel("Their idea").fill("one-on-ones");
      button(ana, "Post for Dora").click();
      assertThat(room.locator(".room-entries")).containsText("one-on-ones");
      assertThat(display.locator("#board-section")).containsText("4 ideas on the board");

      phases.command("setBoardPhase", "phase", "revealed");
      Locator board = ana.locator("#board-section");
      group(board, "weekly 1:1s", "New group…", "1:1s");
      group(board, "1:1s every week", "1:1s", null);
      group(board, "one-on-ones", "1:1s", null);
      assertThat(display.locator("#board-section .idea-group h3").first()).hasText("1:1s");

      phases.command("setBoardPhase", "phase", "voting");
      // Split votes: walk and talk 3; weekly 1, every week 1, Dora's 2 — each below 3, the group 4.
      assertThat(display.locator("#board-section .voted-count")).hasText("0 of 3 voted");
      vote(ben, "walk and talk", 2);
      vote(ben, "weekly 1:1s", 1);
      vote(ana, "walk and talk", 1);
      vote(ana, "1:1s every week", 1);
      for (int i = 0; i < 2; i++) button(ana, "Vote for Dora: one-on-ones").click();
      assertThat(room).containsText("Dora has 1 vote left.");
      assertThat(display.locator("#board-section .voted-count")).hasText("3 of 3 voted");
      assertThat(ben.locator("#board-section .voted-count")).hasText("3 of 3 voted");
      Browsers.screenshot(ana.locator("#board-section"), "board-groups-voting-facilitator-with-room-member");

      phases.command("setBoardPhase", "phase", "results");
      Locator ranked = display.locator("#board-section ol.results > li");
      assertThat(ranked).hasCount(2);
      assertThat(ranked.nth(0)).containsText("1:1s");
      assertThat(ranked.nth(0).locator(".group-heading")).containsText("4 votes");
      assertThat(ranked.nth(0).locator(".group-ideas > li")).hasCount(3);
      assertThat(ranked.nth(0).locator(".group-ideas > li").nth(0)).containsText("one-on-ones");
      assertThat(ranked.nth(1)).containsText("walk and talk");
      assertThat(ranked.nth(1)).containsText("3 votes");
      Browsers.viewportShot(display, "board-groups-results-projector-1920x1080");
      Browsers.screenshot(ana.locator("#board-section"), "board-groups-results-facilitator");
      Browsers.screenshot(ben.locator("#board-section"), "board-groups-results-phone");
      List<String> problems = new ArrayList<>();
      scan(ana, "facilitator, board results with groups", problems);
      scan(display, "projector, board results with groups", problems);
      noA11yProblems(problems);
      phases.close();
    } finally {
      vertx.close();
    }
  }

  /** The facilitator picks a group from the list (or makes a new one), by keyboard. */
  private static void group(Locator board, String idea, String option, String newName) {
    Locator form = board.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Group for: " + idea));
    form.getByLabel("Group", new Locator.GetByLabelOptions().setExact(true)).selectOption(option);
    if (newName != null) form.getByLabel("Name of the new group").fill(newName);
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set group")).press("Enter");
    assertThat(board.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Group for: " + idea))
        .getByLabel("Group", new Locator.GetByLabelOptions().setExact(true))).hasValue(newName != null ? newName : option);
  }

  private static void vote(Page page, String idea, int times) {
    Locator b = page.locator("#board-section").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vote for: " + idea).setExact(true));
    for (int i = 0; i < times; i++) {
      String before = page.locator("#board-section .votes-left").first().textContent();
      b.click();
      assertThat(page.locator("#board-section .votes-left").first()).not().hasText(before);
    }
  }
}
