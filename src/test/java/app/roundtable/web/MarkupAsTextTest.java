package app.roundtable.web;

import static app.roundtable.web.WholeSessionInBrowsersTest.DIALOGS;
import static app.roundtable.web.WholeSessionInBrowsersTest.addCommitment;
import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static app.roundtable.web.WholeSessionInBrowsersTest.postIdea;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A title, name, prompt, idea and commitment that look like HTML show as text on every page.
 * The browsers here ignore the pages' CSP, so the proof rests on the client writing text only
 * (with the CSP on, an inline onerror could not run anyway).
 */
class MarkupAsTextTest extends BrowserTest {
  static final String PAYLOAD = "<img src=x onerror=alert(1)>";
  static final String NO_INJECTED_IMG =
      "() => document.querySelectorAll('img[src=\"x\"], img[onerror], [onerror]').length";

  @Test
  void markupFromPeopleShowsAsTextEverywhere() {
    DIALOGS.clear();
    Page ana = open(browsers.personWithoutCsp(), "/");
    ana.getByLabel("Title").fill("Title " + PAYLOAD);
    button(ana, "Create session").click();
    ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to the session")).click();
    ana.waitForURL(Pattern.compile(".*/s/[^/#]+$"));
    String code = ana.url().replaceAll(".*/s/", "");
    join(ana, "Ana");

    Page mallory = open(browsers.personWithoutCsp(), "/s/" + code);
    join(mallory, PAYLOAD);
    Page display = open(browsers.personWithoutCsp(), "/d/" + code);
    assertThat(display.locator("#status")).hasText("Connected.");

    // Name: in the people list and, with the hand up, as the speaker everywhere.
    assertThat(ana.locator("#members-section")).containsText(PAYLOAD);
    button(mallory, "Raise hand").click();
    assertThat(display.locator("#queue-section")).containsText("Speaking: " + PAYLOAD);
    assertThat(ana.locator("#queue-section")).containsText("Speaking: " + PAYLOAD);

    // Prompt and idea: written, revealed, voted on, in results.
    WholeSessionInBrowsersTest.startItem(ana, "Idea board: approaches to try");
    WholeSessionInBrowsersTest.setBoardPrompt(ana, "Prompt " + PAYLOAD);
    // Starting a board item opens the board for writing (PROTOCOL v1.1 "The agenda runs the room").
    assertThat(ana.locator("#board-section")).containsText("Phase: Writing");
    postIdea(mallory, PAYLOAD);
    assertThat(mallory.locator("#board-section")).containsText(PAYLOAD); // own idea
    button(ana, "Reveal ideas").click();
    button(ana, "Start voting").click();
    button(mallory, "Vote for: " + PAYLOAD).click();
    button(ana, "Show results").click();
    for (Page p : List.of(ana, mallory, display)) {
      assertThat(p.locator("#now-section")).containsText("Prompt " + PAYLOAD);
      assertThat(p.locator("#board-section").getByRole(AriaRole.LISTITEM).first()).containsText(PAYLOAD);
      assertThat(p.locator("#session-title")).hasText("Title " + PAYLOAD);
    }

    // Commitment: own list, and the group's on the facilitator's page.
    WholeSessionInBrowsersTest.startItem(ana, "Commitments: what I will practise");
    addCommitment(mallory, "Commit " + PAYLOAD);
    assertThat(ana.locator("#commitments-section")).containsText(PAYLOAD + ": Commit " + PAYLOAD);
    Browsers.screenshot(display, "display-markup-as-text");

    for (Page p : List.of(ana, mallory, display)) {
      assertEquals(0, ((Number) p.evaluate(NO_INJECTED_IMG)).intValue(), "no injected element on " + p.url());
    }
    assertThat(ana).hasTitle("Title " + PAYLOAD + " · Roundtable");
    assertEquals(List.of(), DIALOGS, "no page opened a JavaScript dialog");
  }
}
