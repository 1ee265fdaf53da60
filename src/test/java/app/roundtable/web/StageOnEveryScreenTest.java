package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.StagePages.onStage;
import static app.roundtable.web.StagePages.run;
import static app.roundtable.web.StagePages.visibleWithoutScrolling;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static app.roundtable.web.WholeSessionInBrowsersTest.startItem;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, one thing at a time: the run bar before the start holds few controls; the welcome
 * shows the ground rules on the projector and on a phone; the "End turn" meant for the last
 * speaker cannot cut off the one who just got the floor; the tab's title tells you your turn; a
 * phone held sideways (844x390) has the stage's control on its first screen. Screenshots of the
 * lobby, a round, the board's results and the close on phones upright and sideways.
 */
class StageOnEveryScreenTest extends BrowserTest {
  static final int MAX_CONTROLS_BEFORE_START = 6;

  @Test
  void eachStageShowsWhatItNeedsOnEveryScreen() {
    JsonObject created = new Http(node.port()).createSession("Peer group", "first");
    String code = created.getString("code");
    Page ana = open(browsers.context(1366, 768),
        "/s/" + code + "#key=" + URLEncoder.encode(created.getString("facilitatorKey"), StandardCharsets.UTF_8));
    join(ana, "Ana");
    Page ben = open(browsers.phone(390, 844), "/s/" + code);
    join(ben, "Ben");
    Page chloe = open(browsers.phone(844, 390), "/s/" + code);
    join(chloe, "Chloé");
    Page projector = open(browsers.context(1920, 1080), "/d/" + code);
    assertThat(projector.locator("#join-count")).hasText("3 people have joined");
    Map<String, Page> phones = new LinkedHashMap<>();
    phones.put("390x844", ben);
    phones.put("844x390", chloe);
    List<String> a11y = new ArrayList<>();

    // Before the start: the next step and a few controls; the rest one tap away.
    Locator enabled = ana.locator("#runbar").locator("button:not([disabled]), summary, input:not([disabled])")
        .filter(new Locator.FilterOptions().setVisible(true));
    assertTrue(enabled.count() <= MAX_CONTROLS_BEFORE_START, "enabled controls before the start: " + enabled.allInnerTexts());
    assertThat(run(ana, "Start agenda")).isEnabled();
    assertThat(ana.locator("#runbar").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reveal ideas"))).hasCount(0);
    visibleWithoutScrolling(chloe, onStage(chloe, "Raise hand"));
    shoot("lobby", phones, a11y);

    // The welcome: the ground rules on the stage of the projector and of the phones.
    run(ana, "Start agenda").click();
    String rule = "What is said here stays here";
    assertThat(projector.locator("#rules-section")).isVisible();
    assertThat(projector.locator("#rules-section")).containsText(Pattern.compile(rule, Pattern.CASE_INSENSITIVE));
    for (Page p : phones.values()) {
      assertThat(p.locator("#now-section #rules-section")).isVisible();
      assertThat(p.locator("#now-section #rules-section")).containsText(Pattern.compile(rule, Pattern.CASE_INSENSITIVE));
    }
    visibleWithoutScrolling(chloe, onStage(chloe, "Raise hand"));
    scan(projector, "projector, welcome", a11y);

    // Nobody speaks; Ben raises his hand and has the floor at once. The facilitator's bar names
    // him, and holds its "End turn" back for a moment: a tap meant for the empty floor cannot cut him off.
    Locator endBens = run(ana, "End turn: Ben");
    onStage(ben, "Raise hand").click();
    assertThat(ben.locator("#now-section .my-place")).hasText("You have the floor.");
    assertThat(endBens).isDisabled();
    assertThat(endBens).isEnabled();
    // Chloé is next: her tab says so, then that it is her turn; the page announces the change.
    onStage(chloe, "Raise hand").click();
    assertThat(chloe).hasTitle(Pattern.compile("^You are next · "));
    endBens.click();
    assertThat(chloe).hasTitle(Pattern.compile("^▶ Your turn · "));
    assertThat(chloe.locator("#announcer")).containsText("You have the floor.");
    assertThat(ben).hasTitle("Peer group · Roundtable");
    visibleWithoutScrolling(chloe, onStage(chloe, "Done speaking"));
    onStage(chloe, "Done speaking").click();

    // A round.
    run(ana, "Next item").click();
    for (Page p : phones.values()) assertThat(p.locator("#now-section")).containsText("How are you arriving today?");
    Locator chloesControl = chloe.locator("#now-section #queue-section .actions button");
    visibleWithoutScrolling(chloe, chloesControl);
    shoot("round", phones, a11y);

    // The board's results.
    startItem(ana, "Idea board: approaches to try");
    FirstSessionWithRunBarTest.postOnStage(ben, "Pair on the hardest task");
    visibleWithoutScrolling(chloe, onStage(chloe, "Post idea"));
    FirstSessionWithRunBarTest.postOnStage(chloe, "Ask for feedback weekly");
    run(ana, "Reveal ideas").click();
    run(ana, "Start voting").click();
    FirstSessionWithRunBarTest.vote(ben, "Ask for feedback weekly", "You have 2 votes left of 3.");
    run(ana, "Show results").click();
    for (Page p : phones.values()) assertThat(p.locator("#board-section .idea-list.results > li")).hasCount(2);
    shoot("results", phones, a11y);

    // The close: to the end of the agenda.
    startItem(ana, "Commitments: what I will practise");
    visibleWithoutScrolling(chloe, onStage(chloe, "Add commitment"));
    FirstSessionWithRunBarTest.commit(ben, "Ask my lead for feedback every Friday");
    Locator upNext = ana.locator("#run-next");
    while (!upNext.textContent().contains("Nothing left on the agenda.")) {
      String before = upNext.textContent();
      run(ana, "Next item").click();
      assertThat(upNext).not().hasText(before);
    }
    run(ana, "Next item").click();
    for (Page p : phones.values()) assertThat(p.locator("#now-section")).containsText("That was the agenda");
    shoot("close", phones, a11y);
    noA11yProblems(a11y);
  }

  static void shoot(String stage, Map<String, Page> phones, List<String> a11y) {
    phones.forEach((size, page) -> {
      scan(page, stage + ", phone " + size, a11y);
      page.evaluate("window.scrollTo(0, 0)");
      Browsers.viewportShot(page, "phone-" + stage + "-" + size);
    });
  }
}
