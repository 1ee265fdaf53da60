package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.StagePages.fitsTheScreen;
import static app.roundtable.web.StagePages.layoutShifts;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.StagePages.onStage;
import static app.roundtable.web.StagePages.closeMore;
import static app.roundtable.web.StagePages.run;
import static app.roundtable.web.StagePages.runMore;
import static app.roundtable.web.StagePages.shoot;
import static app.roundtable.web.StagePages.theOneShowing;
import static app.roundtable.web.StagePages.visibleWithoutScrolling;
import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A whole `first` session run by the facilitator from the run bar alone, with three members (one
 * on a 390x844 phone) and two projectors (1920x1080 and 1280x720). At every stage: the phone shows
 * the stage's control without scrolling, the projectors need no scrolling, axe-core finds nothing
 * serious, and every page is photographed; at the end no page's layout shifted by 0.02 or more.
 */
class FirstSessionWithRunBarTest extends BrowserTest {
  static final double LAYOUT_SHIFT_LIMIT = 0.02;

  @Test
  void aWholeFirstSessionRunFromTheRunBarAlone() {
    Page ana = open(LayoutShift.watch(browsers.context(1366, 768)), "/");
    ana.getByLabel("Title").fill("Leading through change");
    button(ana, "Create session").click();
    assertThat(ana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your session is ready"))).isVisible();
    Map<String, Page> startPage = Map.of("start page 1366x768", ana);
    layoutShifts(startPage, LAYOUT_SHIFT_LIMIT);
    ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to the session")).click();
    ana.waitForURL(Pattern.compile(".*/s/[^/#]+$"));
    String code = ana.url().replaceAll(".*/s/", "");
    join(ana, "Ana");

    Page big = open(LayoutShift.watch(browsers.context(1920, 1080)), "/d/" + code);
    Page small = open(LayoutShift.watch(browsers.context(1280, 720)), "/d/" + code);
    Page ben = open(LayoutShift.watch(browsers.phone(390, 844)), "/s/" + code);
    join(ben, "Ben");
    Page chloe = open(LayoutShift.watch(browsers.context(1366, 768)), "/s/" + code);
    join(chloe, "Chloé");
    Page dev = open(LayoutShift.watch(browsers.context(1366, 768)), "/s/" + code);
    join(dev, "Dev");
    List<Page> everyone = List.of(ana, ben, chloe, dev, big, small);
    List<Page> people = List.of(ana, ben, chloe, dev);
    Map<Page, String> names = Map.of(ana, "Ana", ben, "Ben", chloe, "Chloé", dev, "Dev");
    Map<String, Page> sizes = new LinkedHashMap<>();
    sizes.put("facilitator-laptop-1366x768", ana);
    sizes.put("member-laptop-1366x768", chloe);
    sizes.put("member-phone-390x844", ben);
    sizes.put("projector-1920x1080", big);
    sizes.put("projector-1280x720", small);
    List<String> a11y = new ArrayList<>();

    Locator bar = ana.locator("#runbar");
    assertThat(bar).isVisible();
    assertThat(ben.locator("#runbar")).isHidden();
    assertThat(bar).containsText("First: Welcome and ground rules (5 min)");
    for (Page p : everyone) assertThat(p.locator("#now-section")).containsText("Waiting to start");
    everyStage("00-before", sizes, a11y, onStage(ben, "Raise hand"));

    // Welcome: a discussion; hands go up from the stage and the facilitator moves the queue on.
    run(ana, "Start agenda").click();
    for (Page p : everyone) {
      Locator now = p.locator("#now-section");
      assertThat(now).containsText("Welcome and ground rules");
      assertThat(now.getByRole(AriaRole.TIMER)).hasText(Pattern.compile("^[45]:\\d\\d$"));
    }
    assertThat(bar).containsText("Up next: Check-in round (10 min)");
    onStage(ben, "Raise hand").click();
    assertThat(ben.locator("#now-section")).containsText("You have the floor.");
    onStage(chloe, "Raise hand").click();
    assertThat(chloe.locator("#now-section")).containsText("You are next.");
    assertThat(big.locator("#queue-section")).containsText("Speaking: Ben");
    everyStage("01-welcome", sizes, a11y, onStage(ben, "Done speaking"));
    run(ana, "End turn: Ben").click();
    assertThat(chloe.locator("#now-section")).containsText("You have the floor.");
    onStage(chloe, "Done speaking").click();
    assertThat(big.locator("#queue-section")).containsText("Nobody is speaking.");

    // Check-in round: starting the item starts the round (v1.1) — everyone queued once.
    run(ana, "Next item").click();
    for (Page p : everyone) {
      assertThat(p.locator("#now-section")).containsText("Check-in round");
      assertThat(p.locator("#now-section")).containsText("How are you arriving today?");
    }
    for (String name : List.of("Ana", "Ben", "Chloé", "Dev")) assertThat(big.locator("#queue-section")).containsText(name);
    // One polite announcement for the move, the stage's sentence first.
    assertThat(chloe.locator("#announcer")).containsText(Pattern.compile("^Now: Check-in round\\."));
    assertThat(chloe.locator("[aria-live]")).hasCount(1); // the announcer is the one live region
    for (int turn = 0; turn < 4; turn++) {
      Page speaker = theOneShowing(people, "You have the floor.");
      assertThat(big.locator("#queue-section .speaker")).containsText(names.get(speaker));
      if (turn < 3) {
        Page next = theOneShowing(people, "You are next.");
        assertThat(big.locator("#queue-section .waiting-list li").first()).containsText(names.get(next));
      }
      if (turn == 1) everyStage("02-check-in-round", sizes, a11y, ben.locator("#now-section .my-place"));
      if (speaker == ana) run(ana, "End turn: Ana").click();
      else onStage(speaker, "Done speaking").click();
      assertThat(speaker.locator("#now-section .my-place")).not().containsText("You have the floor.");
    }
    assertThat(big.locator("#queue-section")).containsText("Nobody is speaking.");

    // Two discussions.
    run(ana, "Next item").click();
    for (Page p : everyone) assertThat(p.locator("#now-section")).containsText("Share challenges");
    everyStage("03-share-challenges", sizes, a11y, onStage(ben, "Raise hand"));
    run(ana, "Next item").click();
    for (Page p : everyone) assertThat(p.locator("#now-section")).containsText("New knowledge");

    // The idea board: starting the item opens it for writing with the item's prompt (v1.1).
    run(ana, "Next item").click();
    for (Page p : everyone) {
      assertThat(p.locator("#now-section")).containsText("Idea board: approaches to try");
      assertThat(p.locator("#now-section")).containsText("What approaches could we try?");
    }
    String pair = "Pair on the hardest task";
    String feedback = "Ask for feedback weekly";
    String shadow = "Shadow a senior for a day";
    Locator benIdea = ben.locator("#now-section").getByLabel("Your idea", new Locator.GetByLabelOptions().setExact(true));
    visibleWithoutScrolling(ben, onStage(ben, "Post idea"));
    // Ben is typing when the others post: the count moves, his text and focus stay.
    benIdea.fill("Half-written ide");
    postOnStage(chloe, feedback);
    postOnStage(dev, shadow);
    for (Page p : List.of(big, small)) assertThat(p.locator("#board-section")).containsText("2 ideas on the board");
    assertThat(benIdea).isFocused();
    assertThat(benIdea).hasValue("Half-written ide");
    benIdea.fill("");
    postOnStage(ben, pair);
    for (Page p : everyone) assertThat(p.locator("#board-section")).containsText("3 ideas on the board");
    assertThat(big.locator("#board-section")).not().containsText(pair);
    everyStage("04-board-writing", sizes, a11y, onStage(ben, "Post idea"));

    run(ana, "Reveal ideas").click();
    for (Page p : everyone) assertThat(p.locator("#board-section")).containsText(shadow);
    everyStage("05-board-revealed", sizes, a11y, null);

    run(ana, "Start voting").click();
    assertThat(ben.locator("#now-section")).containsText("You have 3 votes left of 3.");
    visibleWithoutScrolling(ben, ben.locator("#now-section").getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName(Pattern.compile("^Vote for: "))).first());
    vote(ben, feedback, "You have 2 votes left of 3.");
    vote(ben, feedback, "You have 1 vote left of 3.");
    vote(chloe, feedback, "You have 2 votes left of 3.");
    vote(dev, pair, "You have 2 votes left of 3.");
    everyStage("06-board-voting", sizes, a11y, null);

    run(ana, "Show results").click();
    for (Page p : List.of(ana, ben, big, small)) {
      Locator ranked = p.locator("#board-section .idea-list.results > li");
      assertThat(ranked).hasCount(3);
      assertThat(ranked.nth(0)).containsText(feedback);
      assertThat(ranked.nth(0)).containsText("3 votes");
      assertThat(ranked.nth(2)).containsText("0 votes");
    }
    assertThat(big.locator("#board-section .bar.bar-20")).hasCount(1); // the top idea's bar is full length
    assertThat(big.locator("#board-section .bar.bar-7")).hasCount(1);  // 1 of 3 votes: a third of it
    assertThat(runMore(ana, "Voting")).isDisabled(); // results are final
    closeMore(ana);
    everyStage("07-board-results", sizes, a11y, null);

    // A new board round (v1.1 clearBoard) from the run bar: the board closes and its results leave every screen.
    runMore(ana, "New board round").click();
    ana.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("New board round")).click();
    for (Page p : List.of(ana, ben, big)) {
      assertThat(p.locator("#board-section")).containsText("Phase: Closed");
      assertThat(p.locator("#board-section")).not().containsText(feedback);
    }
    assertThat(runMore(ana, "New board round")).isDisabled();
    closeMore(ana);

    // Commitments from the stage.
    run(ana, "Next item").click();
    for (Page p : everyone) assertThat(p.locator("#now-section")).containsText("Commitments: what I will practise");
    Locator practise = ben.locator("#now-section").getByLabel("What I will practise", new Locator.GetByLabelOptions().setExact(true));
    visibleWithoutScrolling(ben, onStage(ben, "Add commitment"));
    commit(ben, "Ask my lead for feedback every Friday");
    commit(chloe, "Pair once a week");
    for (Page p : List.of(big, small)) assertThat(p.locator("#commitments-section")).containsText("Chloé: Pair once a week");
    everyStage("08-commitments", sizes, a11y, practise);

    // Ben is still typing a commitment when the facilitator moves on: his box stays, focused and
    // holding his words, until he leaves it; then the stage is the close's.
    practise.fill("Half a thought");
    run(ana, "Next item").click();
    for (Page p : everyone) assertThat(p.locator("#now-section")).containsText("Close");
    assertThat(practise).isFocused();
    assertThat(practise).hasValue("Half a thought");
    practise.fill("");
    practise.blur();
    assertThat(ben.locator("#now-section #commitments-section")).hasCount(0);
    everyStage("09-close", sizes, a11y, onStage(ben, "Raise hand"));
    run(ana, "Next item").click();
    assertThat(bar).containsText("Nothing left on the agenda.");
    assertThat(run(ana, "Next item")).isDisabled();
    for (Page p : everyone) assertThat(p.locator("#now-section")).containsText("That was the agenda");
    // At the close the projector shows what the group will practise and who spoke, as a chart.
    for (Page p : List.of(big, small)) {
      assertThat(p.locator("#commitments-section")).isVisible();
      Locator record = p.locator("#record-section .record-row");
      assertThat(record).hasCount(4);
      assertThat(record.filter(new Locator.FilterOptions().setHasText("Ben"))).containsText("2 turns");
    }
    everyStage("10-agenda-done", sizes, a11y, null);

    Map<String, Page> all = new LinkedHashMap<>(sizes);
    all.put("member-laptop-1366x768 (Dev)", dev);
    layoutShifts(all, LAYOUT_SHIFT_LIMIT);

    run(ana, "End session").click();
    ana.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
    for (Page p : everyone) assertThat(p.locator("#status")).containsText("This session has ended.");
    everyStage("11-ended", sizes, a11y, null);
    noA11yProblems(a11y);
  }

  /** One stage's checks: the phone's control without scrolling, the projectors fit, axe, screenshots. */
  static void everyStage(String stage, Map<String, Page> sizes, List<String> a11y, Locator phoneControl) {
    Page phone = sizes.get("member-phone-390x844");
    if (phoneControl != null) visibleWithoutScrolling(phone, phoneControl);
    for (Page display : List.of(sizes.get("projector-1920x1080"), sizes.get("projector-1280x720"))) fitsTheScreen(display, stage);
    scan(sizes.get("facilitator-laptop-1366x768"), stage + ", facilitator", a11y);
    scan(phone, stage + ", member on a phone", a11y);
    scan(sizes.get("projector-1920x1080"), stage + ", projector", a11y);
    sizes.values().forEach(p -> p.evaluate("window.scrollTo(0, 0)"));
    shoot(stage, sizes);
  }

  static void postOnStage(Page page, String text) {
    Locator stage = page.locator("#now-section");
    stage.getByLabel("Your idea", new Locator.GetByLabelOptions().setExact(true)).fill(text);
    onStage(page, "Post idea").click();
    assertThat(stage.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit your idea: " + text))).isVisible();
  }

  static void vote(Page page, String idea, String votesLeftAfter) {
    onStage(page, "Vote for: " + idea).click();
    assertThat(page.locator("#now-section")).containsText(votesLeftAfter);
  }

  static void commit(Page page, String text) {
    Locator stage = page.locator("#now-section");
    stage.getByLabel("What I will practise", new Locator.GetByLabelOptions().setExact(true)).fill(text);
    onStage(page, "Add commitment").click();
    assertThat(stage.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove: " + text))).isVisible();
  }
}
