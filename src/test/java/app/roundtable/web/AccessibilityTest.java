package app.roundtable.web;

import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static app.roundtable.web.WholeSessionInBrowsersTest.postIdea;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** axe-core finds no critical or serious violation on any page, in the states people see. */
class AccessibilityTest extends BrowserTest {
  @Test
  void everyPageScansCleanForCriticalAndSeriousViolations() {
    List<String> problems = new ArrayList<>();

    Page start = open(browsers.person(), "/");
    assertThat(start.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Start a session"))).isVisible();
    scan(start, "start page", problems);

    start.getByLabel("Title").fill("Accessible session");
    button(start, "Create session").click();
    assertThat(start.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your session is ready"))).isVisible();
    scan(start, "start page, session created", problems);
    start.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to the session")).click();
    start.waitForURL(Pattern.compile(".*/s/[^/#]+$"));
    String code = start.url().replaceAll(".*/s/", "");

    Page stranger = open(browsers.phone(), "/s/" + code);
    assertThat(stranger.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true))).isVisible();
    assertThat(stranger.locator("#join-info")).containsText("here now");
    scan(stranger, "member page before joining (phone)", problems);

    Page facilitator = start;
    join(facilitator, "Ana");
    join(stranger, "Ben");
    WholeSessionInBrowsersTest.startItem(facilitator, "Idea board: approaches to try");
    // Starting a board item opens the board for writing (PROTOCOL v1.1 "The agenda runs the room").
    assertThat(facilitator.locator("#board-section")).containsText("Phase: Writing");
    postIdea(stranger, "Try pairing");
    postIdea(facilitator, "Keep a learning log");
    assertThat(facilitator.locator("#board-section")).containsText("2 ideas on the board");
    scan(facilitator, "member page, facilitator, board open for writing", problems);
    scan(stranger, "member page, member, board open for writing (phone)", problems);

    button(facilitator, "Reveal ideas").click();
    button(facilitator, "Start voting").click();
    assertThat(facilitator.locator("#board-section")).containsText("votes left");
    scan(facilitator, "member page, facilitator, voting", problems);

    Page display = open(browsers.context(1920, 1080), "/d/" + code);
    assertThat(display.locator("#status")).hasText("Connected.");
    display.waitForFunction("() => document.getElementById('qr').naturalWidth > 0");
    scan(display, "display page", problems);

    StagePages.run(facilitator, "End session").click();
    scan(facilitator, "member page, confirm dialog open", problems);
    facilitator.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("End session")).click();
    for (Page p : List.of(facilitator, stranger, display)) {
      assertThat(p.locator("#status")).containsText("This session has ended.");
    }
    scan(facilitator, "member page, session ended (facilitator)", problems);
    scan(stranger, "member page, session ended (phone)", problems);
    scan(display, "display page, session ended", problems);

    assertTrue(problems.isEmpty(), "axe " + Axe.version(display) + " found:\n" + String.join("\n", problems));
  }

  /** A positive control: the scan is not vacuous, it does report a nameless button. */
  @Test
  void theScanReportsAKnownProblem() {
    Page page = browsers.person().newPage();
    page.setContent("<!doctype html><html lang=en><title>t</title><main><button></button></main></html>");
    List<String> found = Axe.blockingViolations(page);
    assertTrue(found.stream().anyMatch(v -> v.contains("button-name")), String.valueOf(found));
  }

  /**
   * Scans the page at its resting position. axe judges targets where they are on screen now: after a
   * click in the prepare view, agenda buttons that scrolled under the facilitator's sticky run bar
   * count as obscured, so the result would depend on where the last click left the scroll.
   */
  static void scan(Page page, String what, List<String> problems) {
    page.evaluate("() => window.scrollTo(0, 0)");
    for (String v : Axe.blockingViolations(page)) problems.add(what + ": " + v);
  }
}
