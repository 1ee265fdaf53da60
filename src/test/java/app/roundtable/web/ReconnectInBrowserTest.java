package app.roundtable.web;

import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A member's network drops (Playwright's offline emulation): the page says it is reconnecting
 * and that they keep their place; back online it resumes as the same member, hand still up.
 */
class ReconnectInBrowserTest extends BrowserTest {
  @Test
  void aMemberWhoGoesOfflineComesBackAsTheSameMemberWithTheHandStillUp() {
    Page ana = open(browsers.person(), "/");
    ana.getByLabel("Title").fill("Reconnect drill");
    button(ana, "Create session").click();
    ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to the session")).click();
    ana.waitForURL(Pattern.compile(".*/s/[^/#]+$"));
    String code = ana.url().replaceAll(".*/s/", "");
    join(ana, "Ana");

    BrowserContext benContext = browsers.phone();
    Page ben = open(benContext, "/s/" + code);
    join(ben, "Ben");

    // Ana has the floor; Ben waits first in line.
    button(ana, "Raise hand").click();
    assertThat(ana.locator("#queue-section")).containsText("You have the floor.");
    button(ben, "Raise hand").click();
    Locator benQueue = ben.locator("#queue-section");
    assertThat(benQueue).containsText("Your hand is up: you are 1st in line.");
    assertThat(ana.locator("#members-section")).containsText(Pattern.compile("Ben · online · hand up"));
    ana.locator("#members-home summary").click(); // People are folded away under the stage

    // The network goes away: an honest reconnecting banner, the rest of the page kept.
    benContext.setOffline(true);
    Locator status = ben.locator("#status");
    assertThat(status).containsText(Pattern.compile("Connection lost|Reconnecting"));
    assertThat(status).containsText("You keep your place.");
    assertThat(status).hasAttribute("data-status", Pattern.compile("reconnecting", Pattern.CASE_INSENSITIVE));
    assertThat(benQueue).containsText("Your hand is up"); // the last state stays readable
    Browsers.viewportShot(ben, "member-phone-reconnecting");
    List<String> a11y = Axe.blockingViolations(ben);
    assertTrue(a11y.isEmpty(), "reconnecting banner: " + a11y);

    // Back online: the same member, not a new one, hand still up and place kept.
    benContext.setOffline(false);
    assertThat(status).hasText("Connected.");
    assertThat(benQueue).containsText("Your hand is up: you are 1st in line.");
    assertThat(ben.locator("#members-section")).containsText(Pattern.compile("Ben \\(you\\) · online · hand up"));
    Locator people = ana.locator("#members-section").getByRole(AriaRole.LISTITEM);
    assertThat(people).hasCount(2);
    assertThat(ana.locator("#members-section")).containsText(Pattern.compile("Ben · online · hand up"));
    assertThat(ana.locator("#queue-section")).containsText("Waiting (1)");

    // And the queue still turns to Ben.
    button(ana, "Done speaking").click();
    assertThat(benQueue).containsText("You have the floor.");
  }
}
