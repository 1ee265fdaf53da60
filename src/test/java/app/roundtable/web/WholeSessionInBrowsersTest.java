package app.roundtable.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A whole session in real browsers: a facilitator creates it on the start page, three members
 * join (one on a 360 px phone), the projector display shows the QR code and the timer, the queue
 * turns, ideas go through the board's phases, commitments are added and the session ends. Every
 * assertion is on what a person sees on the page.
 */
class WholeSessionInBrowsersTest extends BrowserTest {
  @Test
  void aWholeSessionFromTheStartPageToTheEnd() {
    // The facilitator creates the session on the start page and lands on the member page.
    Page ana = open(browsers.person(), "/");
    assertThat(ana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Start a session"))).isVisible();
    Browsers.screenshot(ana, "start");
    ana.getByLabel("Title").fill("Leading through change");
    assertThat(ana.getByLabel("First session", new Page.GetByLabelOptions())).isChecked();
    button(ana, "Create session").click();
    assertThat(ana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your session is ready"))).isVisible();
    assertThat(ana.getByLabel("Facilitator link (private)")).hasValue(Pattern.compile("/s/[^#]+#key=.+"));
    Browsers.screenshot(ana, "start-created");
    ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to the session")).click();
    ana.waitForURL(Pattern.compile(".*/s/[^/#]+$"));
    String code = ana.url().replaceAll(".*/s/", "");
    assertThat(ana.locator("#join-role")).containsText("you will join as the facilitator");
    join(ana, "Ana");
    assertThat(button(ana, "End session")).isVisible(); // facilitator controls
    assertThat(ana.locator("#session-title")).hasText("Leading through change");

    // The projector display: QR code image loaded, join link shown.
    Page display = open(browsers.context(1920, 1080), "/d/" + code);
    assertThat(display.locator("#session-title")).hasText("Leading through change");
    display.waitForFunction("() => { const i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0; }");
    assertThat(display.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for the join link"))).isVisible();
    assertThat(display.locator("#join-url")).hasText(browsers.base + "/s/" + code);

    // Three members, each in their own browser context; Chloé on a phone.
    Page ben = open(browsers.person(), "/s/" + code);
    join(ben, "Ben");
    Page chloe = open(browsers.phone(), "/s/" + code);
    assertThat(chloe.locator("#join-info")).containsText("2 people are here now.");
    Browsers.viewportShot(chloe, "member-phone-join");
    join(chloe, "Chloé");
    Page dev = open(browsers.person(), "/s/" + code);
    join(dev, "Dev");
    for (String name : List.of("Ana", "Ben", "Chloé", "Dev")) {
      assertThat(ana.locator("#members-section")).containsText(name);
    }
    assertThat(button(ben, "End session")).isHidden(); // no facilitator controls for members
    List<Page> members = List.of(ben, chloe, dev);

    // The facilitator starts the agenda from the run bar: the timer runs everywhere.
    StagePages.run(ana, "Start agenda").click();
    for (Page p : List.of(ana, ben, chloe, dev, display)) {
      Locator now = p.locator("#now-section");
      assertThat(now).containsText("Welcome and ground rules");
      assertThat(now.getByRole(AriaRole.TIMER)).hasText(Pattern.compile("^[45]:\\d\\d$"));
      assertThat(now).containsText("Running");
    }
    assertThat(ben.locator("#agenda-section [aria-current=step]")).containsText("Welcome and ground rules");

    // Hands go up; the queue turns on Done speaking and Next speaker.
    button(ben, "Raise hand").click();
    assertThat(ben.locator("#queue-section")).containsText("You have the floor.");
    button(chloe, "Raise hand").click();
    assertThat(chloe.locator("#queue-section")).containsText("Your hand is up: you are 1st in line.");
    button(dev, "Raise hand").click();
    assertThat(dev.locator("#queue-section")).containsText("Your hand is up: you are 2nd in line.");
    assertThat(display.locator("#queue-section")).containsText("Speaking: Ben");
    assertThat(display.locator("#queue-section")).containsText("Chloé");
    assertThat(ana.locator("#queue-section")).containsText("Waiting (2)");

    button(ben, "Done speaking").click();
    assertThat(chloe.locator("#queue-section")).containsText("You have the floor.");
    assertThat(display.locator("#queue-section")).containsText("Speaking: Chloé");
    assertThat(dev.locator("#queue-section")).containsText("you are 1st in line");
    assertThat(button(ben, "Raise hand")).isVisible();

    StagePages.run(ana, "End turn: Chloé").click();
    assertThat(dev.locator("#queue-section")).containsText("You have the floor.");
    assertThat(display.locator("#queue-section")).containsText("Speaking: Dev");
    assertThat(chloe.locator("#queue-section")).containsText("Your hand is down.");
    button(dev, "Done speaking").click();
    assertThat(display.locator("#queue-section")).containsText("Nobody is speaking.");

    // The idea board, jumped to from the prepare view: writing (private, only the count is
    // public), revealed, voting, results. The facilitator rewords the prompt in the board's settings.
    startItem(ana, "Idea board: approaches to try");
    assertThat(display.locator("#now-section")).containsText("Idea board: approaches to try");
    setBoardPrompt(ana, "What could we try before next time?");
    // Starting a board item opens the board for writing (PROTOCOL v1.1 "The agenda runs the room").
    assertThat(ana.locator("#board-section")).containsText("Phase: Writing");
    assertThat(display.locator("#now-section")).containsText("What could we try before next time?");
    assertThat(ben.locator("#now-section")).containsText("What could we try before next time?");

    String pair = "Pair on the hardest task";
    String feedback = "Ask for feedback weekly";
    String shadow = "Shadow a senior for a day";
    postIdea(ben, pair);
    postIdea(chloe, feedback);
    postIdea(dev, shadow);
    for (Page p : List.of(ana, ben, chloe, dev, display)) {
      assertThat(p.locator("#board-section")).containsText("3 ideas on the board");
    }
    assertThat(ben.locator("#board-section")).containsText(pair); // own idea, under "Your ideas"
    assertThat(ben.locator("#board-section")).not().containsText(feedback);
    assertThat(ben.locator("#board-section")).not().containsText(shadow);
    assertThat(ana.locator("#board-section")).not().containsText(pair);
    assertThat(display.locator("#board-section")).not().containsText(pair);
    assertThat(display.locator("#board-section")).not().containsText(feedback);
    Browsers.viewportShot(display, "display-1920x1080-writing");
    Browsers.viewportShot(ana, "facilitator-laptop");

    button(ana, "Reveal ideas").click();
    for (Page p : List.of(ana, ben, chloe, dev, display)) {
      Locator board = p.locator("#board-section");
      assertThat(board).containsText(pair);
      assertThat(board).containsText(feedback);
      assertThat(board).containsText(shadow);
    }

    button(ana, "Start voting").click();
    assertThat(chloe.locator("#board-section")).containsText("You have 3 votes left of 3.");
    vote(ben, feedback, "You have 2 votes left of 3.");
    vote(ben, feedback, "You have 1 vote left of 3.");
    vote(chloe, feedback, "You have 2 votes left of 3.");
    vote(dev, pair, "You have 2 votes left of 3.");
    assertThat(ben.locator("#board-section")).not().containsText("3 votes"); // totals only in results
    Browsers.screenshot(chloe.locator("#board-section"), "member-phone-board-voting");

    button(ana, "Show results").click();
    for (Page p : List.of(ana, ben, chloe, dev, display)) {
      Locator ranked = p.locator("#board-section").getByRole(AriaRole.LISTITEM);
      assertThat(ranked).hasCount(3);
      assertThat(ranked.nth(0)).containsText(feedback);
      assertThat(ranked.nth(0)).containsText("3 votes");
      assertThat(ranked.nth(1)).containsText(pair);
      assertThat(ranked.nth(1)).containsText("1 vote");
      assertThat(ranked.nth(2)).containsText(shadow);
      assertThat(ranked.nth(2)).containsText("0 votes");
    }
    Browsers.screenshot(ana, "facilitator-laptop-full");
    Browsers.screenshot(ana.locator("#board-section"), "facilitator-laptop-board-results");
    Browsers.viewportShot(display, "display-1920x1080-results");

    // Commitments: own ones and the group's.
    startItem(ana, "Commitments: what I will practise");
    addCommitment(ben, "Ask my lead for feedback every Friday");
    addCommitment(chloe, "Pair once a week");
    assertThat(dev.locator("#commitments-section")).containsText("Ben: Ask my lead for feedback every Friday");
    assertThat(dev.locator("#commitments-section")).containsText("Chloé: Pair once a week");
    assertThat(ana.locator("#commitments-section")).containsText("Ben: Ask my lead for feedback every Friday");
    Browsers.screenshot(chloe, "member-phone-full");
    chloe.evaluate("window.scrollTo(0, 0)");
    Browsers.viewportShot(chloe, "member-phone");

    // The facilitator ends the session: every page says so.
    button(ana, "End session").click();
    Locator dialog = ana.getByRole(AriaRole.DIALOG);
    assertThat(dialog).containsText("End the session for everyone?");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
    for (Page p : List.of(ana, ben, chloe, dev, display)) {
      assertThat(p.locator("#status")).containsText("This session has ended. Thank you for taking part.");
    }
    for (Page p : members) {
      assertThat(p.locator("#session")).isHidden();
    }
    assertThat(button(ana, "Download summary")).isVisible();
    assertThat(display.locator("#qr")).isHidden(); // no invitation to an ended session
    Browsers.viewportShot(ben, "member-ended");
    Browsers.viewportShot(display, "display-ended");
    assertEquals("ended", new Http(node.port()).get("/api/sessions/" + code).json().getString("status"));

    // The record: the facilitator downloads the summary as a Markdown file.
    com.microsoft.playwright.Download download = ana.waitForDownload(() -> button(ana, "Download summary").click());
    String markdown;
    try {
      markdown = java.nio.file.Files.readString(download.path());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(markdown.contains("Ask my lead for feedback every Friday"), markdown);
    assertTrue(markdown.contains("## Speaking balance"), markdown);

    // The follow-up: a new session that carries these commitments to report on.
    button(ana, "Create follow-up session").click();
    ana.waitForURL(url -> url.contains("/s/") && !url.contains(code));
    assertThat(ana.locator("#session-title")).containsText("Leading through change — follow-up");
    join(ana, "Ana");
    assertThat(ana.locator("body")).containsText("Ask my lead for feedback every Friday");
    assertThat(button(ana, "End session")).isVisible(); // facilitator of the follow-up too
    assertEquals(List.of(), DIALOGS, "no page opened a JavaScript dialog");
  }

  /** Every JavaScript dialog (alert, confirm, prompt) any page opened: the pages never use them. */
  static final List<String> DIALOGS = new java.util.concurrent.CopyOnWriteArrayList<>();

  static Page open(BrowserContext context, String path) {
    Page page = context.newPage();
    page.onDialog(d -> {
      DIALOGS.add(page.url() + ": " + d.type() + " " + d.message());
      d.dismiss();
    });
    page.navigate(path);
    return page;
  }

  /** Starts an agenda item out of order from the facilitator's prepare view. */
  static void startItem(Page page, String title) {
    Locator prepare = page.locator("#prepare-home");
    if (prepare.getAttribute("open") == null) prepare.locator("summary").click();
    button(page, "Start “" + title + "”").click();
    assertThat(page.locator("#now-section")).containsText(title);
  }

  /** Rewords the board's prompt in the board's folded settings. */
  static void setBoardPrompt(Page page, String prompt) {
    Locator settings = page.locator("#board-section details.settings");
    if (settings.getAttribute("open") == null) settings.locator("summary").click();
    settings.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Prompt").setExact(true)).fill(prompt);
    button(page, "Set prompt").click();
  }

  static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  static void join(Page page, String name) {
    page.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true)).fill(name);
    button(page, "Join").click();
    assertThat(page.locator("#status")).hasText("Connected.");
    assertThat(page.locator("#session")).isVisible();
  }

  static void postIdea(Page page, String text) {
    Locator board = page.locator("#board-section");
    board.getByLabel("Your idea", new Locator.GetByLabelOptions().setExact(true)).fill(text);
    button(page, "Post idea").click();
    assertThat(board.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit your idea: " + text))).isVisible();
  }

  static void vote(Page page, String idea, String votesLeftAfter) {
    button(page, "Vote for: " + idea).click();
    assertThat(page.locator("#board-section")).containsText(votesLeftAfter);
  }

  static void addCommitment(Page page, String text) {
    Locator box = page.locator("#commitments-section");
    box.getByLabel("What I will practise", new Locator.GetByLabelOptions().setExact(true)).fill(text);
    button(page, "Add commitment").click();
    assertThat(box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove: " + text))).isVisible();
  }
}
