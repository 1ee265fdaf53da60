package app.roundtable.web;

import static app.roundtable.web.HybridRoomInBrowsersTest.addRoomMember;
import static app.roundtable.web.HybridRoomInBrowsersTest.openPanel;
import static app.roundtable.web.NoStumbleInBrowsersTest.logged;
import static app.roundtable.web.NoStumbleInBrowsersTest.read;
import static app.roundtable.web.NoStumbleInBrowsersTest.reload;
import static app.roundtable.web.StagePages.onStage;
import static app.roundtable.web.StagePages.run;
import static app.roundtable.web.StagePages.theOneShowing;
import static app.roundtable.web.WholeSessionInBrowsersTest.addCommitment;
import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static app.roundtable.web.WholeSessionInBrowsersTest.postIdea;
import static app.roundtable.web.WholeSessionInBrowsersTest.vote;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real group's first session and its follow-up, start to finish (issue 20): the facilitator,
 * five members (two on 390×844 phones), a room member without a device, and the projector at
 * 1920×1080. In the middle a member reloads while they have the floor and the facilitator
 * switches to a second laptop with their facilitator link; later the role is handed on, and the
 * new facilitator plans the follow-up, downloads the record and ends the session. Every page
 * records every command it sends (CommandLog): one acked without effect, refused or never
 * answered fails the test.
 */
class GroupSeriesInBrowsersTest extends BrowserTest {
  final Map<String, Page> pages = new LinkedHashMap<>();

  /** Seven people's pages left open would slow every later test: each test closes what it opened. */
  @AfterEach
  void closeThePages() {
    for (com.microsoft.playwright.BrowserContext c : List.copyOf(browsers.browser.contexts())) c.close();
  }

  @Test
  void aFirstSessionAndItsFollowUpWithAReloadAndADeviceSwitchInTheMiddle() {
    JsonObject created = new Http(node.port()).createSession("Leading through change", "first");
    String code = created.getString("code");
    String facilitatorLink = "/s/" + code + "#key=" + URLEncoder.encode(created.getString("facilitatorKey"), StandardCharsets.UTF_8);
    Page ana = person("Ana", browsers.context(1366, 768), facilitatorLink);
    Page ben = person("Ben", browsers.context(1280, 800), "/s/" + code);
    Page chloe = person("Chloé", browsers.phone(390, 844), "/s/" + code);
    Page dev = person("Dev", browsers.phone(390, 844), "/s/" + code);
    Page eli = person("Eli", browsers.context(1280, 800), "/s/" + code);
    Page fay = person("Fay", browsers.context(1024, 768), "/s/" + code);
    Page display = open(logged(browsers.context(1920, 1080)), "/d/" + code);
    assertThat(display.locator("#status")).hasText("Connected.");
    addRoomMember(ana, "Dora");
    List<Page> members = List.of(ben, chloe, dev, eli, fay);
    Map<Page, String> names = new LinkedHashMap<>();
    pages.forEach((name, page) -> names.put(page, name));

    // Welcome, then the check-in round: everyone present queued once, Dora included.
    run(ana, "Start agenda").click();
    assertThat(display.locator("#now-section")).containsText("Welcome and ground rules");
    run(ana, "Next item").click();
    assertThat(display.locator("#now-section")).containsText("Check-in round");
    List<Page> people = new ArrayList<>(pages.values());
    boolean reloaded = false;
    for (int turn = 0; turn < 7; turn++) {
      Page speaker = turnHolder(people, display);
      String before = speakerOnScreen(display);
      if (speaker == null) {
        // Dora, in the room: the facilitator ends her turn.
        run(ana, "End turn: Dora").click(); // enabled after the run bar's short grace; click waits for it
      } else {
        if (!reloaded && speaker != ana) {
          // Mid-turn the phone drops the tab: reloaded, one tap of "Done speaking" still lands.
          CommandLog.verify(speaker, names.get(speaker));
          reload(speaker, "Connected.");
          reloaded = true;
        }
        onStage(speaker, "Done speaking").click();
      }
      // Each person speaks once in a round: the floor has moved when another name (or nobody) holds it.
      display.waitForFunction("(before) => { const s = document.querySelector('#queue-section .speaker');"
          + " return (s ? s.textContent : '') !== before; }", before);
    }
    assertThat(display.locator("#queue-section")).containsText("Nobody is speaking.");
    assertTrue(reloaded, "someone with a page reloaded while they had the floor");

    // Ana moves to a second laptop with her facilitator link: still one Ana, both devices work.
    Page anaTwo = open(logged(browsers.context(1280, 800)), facilitatorLink);
    pages.put("Ana (second laptop)", anaTwo);
    join(anaTwo, "Ana");
    openPanel(ben, "#members-home");
    assertThat(ben.locator("#members-section li", new Page.LocatorOptions().setHasText("Ana"))).hasCount(1);
    run(anaTwo, "Next item").click();
    assertThat(display.locator("#now-section")).containsText("Share challenges");
    run(ana, "Next item").click();
    assertThat(display.locator("#now-section")).containsText("New knowledge");

    // The idea board: three ideas, revealed, two members vote, results.
    run(anaTwo, "Next item").click();
    assertThat(display.locator("#now-section")).containsText("Idea board: approaches to try");
    postIdea(ben, "Pair on the hardest task");
    postIdea(chloe, "Ask for feedback weekly");
    postIdea(dev, "Shadow a senior for a day");
    assertThat(display.locator("#board-section")).containsText("3 ideas on the board");
    run(anaTwo, "Reveal ideas").click();
    run(anaTwo, "Start voting").click();
    vote(eli, "Ask for feedback weekly", "You have 2 votes left of 3.");
    vote(fay, "Ask for feedback weekly", "You have 2 votes left of 3.");
    vote(fay, "Pair on the hardest task", "You have 1 vote left of 3.");
    run(anaTwo, "Show results").click();
    assertThat(display.locator("#board-section li").first()).containsText("Ask for feedback weekly");
    Browsers.viewportShot(display, "series-display-1920x1080-results");

    // Commitments: each member's own, and Dora's typed for her.
    run(anaTwo, "Next item").click();
    assertThat(display.locator("#now-section")).containsText("Commitments");
    Map<Page, String> commitments = new LinkedHashMap<>();
    commitments.put(ben, "Ask my lead for feedback every Friday");
    commitments.put(chloe, "Pair once a week on the hardest ticket");
    commitments.put(dev, "Shadow the on-call lead for a day");
    commitments.put(eli, "Say no to one meeting a week");
    commitments.put(fay, "Hold a retro with my team");
    commitments.forEach(WholeSessionInBrowsersTest::addCommitment);
    Locator forWhom = ana.locator("#commitments-section").getByLabel("For", new Locator.GetByLabelOptions().setExact(true));
    forWhom.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Dora"));
    ana.locator("#commitments-section").getByLabel("What I will practise", new Locator.GetByLabelOptions().setExact(true))
        .fill("Ask one question in every meeting");
    button(ana, "Add commitment").click();
    assertThat(display.locator("#commitments-section")).containsText("Dora: Ask one question in every meeting");
    Browsers.viewportShot(chloe, "series-phone-commitments");
    run(ana, "Next item").click();
    assertThat(display.locator("#now-section")).containsText("Close");

    // The role moves to Ben, and its powers with it: he plans the follow-up and gets the record.
    openPanel(anaTwo, "#members-home");
    anaTwo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make facilitator: Ben")).click();
    anaTwo.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hand off")).click();
    assertThat(ben.locator("#runbar")).isVisible();
    assertThat(ana.locator("#runbar")).isHidden();
    assertThat(anaTwo.locator("#runbar")).isHidden();
    LocalDate day = LocalDate.now().plusDays(14);
    openPanel(ben, "#session-home");
    Locator plan = ben.locator("form.follow-form");
    plan.getByLabel("Date", new Locator.GetByLabelOptions().setExact(true)).fill(day.toString());
    plan.getByLabel("Time", new Locator.GetByLabelOptions().setExact(true)).fill("18:00");
    plan.getByLabel("Length (minutes)", new Locator.GetByLabelOptions().setExact(true)).fill("90");
    button(ben, "Create follow-up session").click();
    String when = day.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US));
    for (Page p : List.of(ana, anaTwo, ben, chloe, dev, eli, fay)) {
      assertThat(p.locator("#next")).containsText(when);
      assertThat(p.locator("#next").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the next session"))).isVisible();
    }
    Browsers.viewportShot(dev, "series-phone-next-meeting");
    Download summary = ben.waitForDownload(() -> button(ben, "Download summary (Markdown)").click());
    String record = read(summary);
    assertTrue(record.contains("Ask one question in every meeting"), record);

    // Ben ends the session: no false error; every member's page keeps what they will practise.
    run(ben, "End session").click();
    ben.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
    for (Page p : members) {
      Locator ended = p.locator("#ended");
      assertThat(ended).containsText(commitments.get(p));
      assertThat(ended).containsText(when);
      String text = ended.innerText();
      assertTrue(text.indexOf(commitments.get(p)) < text.indexOf("The group’s"), names.get(p) + ": " + text);
    }
    assertThat(ben.locator("#errors")).isHidden();
    Browsers.viewportShot(chloe, "series-phone-ended");

    // The projector moves to the follow-up by itself.
    String followCode = ((String) ben.locator("#ended a", new Page.LocatorOptions().setHasText("Open the next session"))
        .getAttribute("href")).replaceAll(".*/s/", "");
    display.waitForURL(url -> url.contains("/d/" + followCode), new Page.WaitForURLOptions().setTimeout(5_000));
    assertThat(display.locator("#session-title")).containsText("Leading through change");
    CommandLog.verifyAll(pages);

    // The old links lead there in one tap: Ben (who holds its key) runs it, the others join.
    anaTwo.context().close();
    pages.remove("Ana (second laptop)");
    for (Page p : List.of(ben, ana, chloe, dev, eli, fay)) {
      p.locator("#ended").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the next session")).click();
      p.waitForURL(url -> url.contains("/s/" + followCode));
      join(p, names.get(p));
    }
    assertThat(run(ben, "Start agenda")).isVisible();
    run(ben, "Start agenda").click();
    assertThat(display.locator("#now-section")).containsText("Welcome");
    run(ben, "Next item").click(); // the check-in round
    run(ben, "Next item").click(); // the reflection: last session's commitments, by owner
    assertThat(display.locator("#now-section")).containsText("Reflection");
    Page speaker = theOneShowing(List.of(ana, ben, chloe, dev, eli, fay), "You have the floor.");
    if (commitments.containsKey(speaker)) {
      assertThat(display.locator("#previous-section")).containsText(commitments.get(speaker));
    }
    for (Page p : members) assertThat(p.locator("#previous-section")).containsText("Hold a retro with my team");
    Browsers.viewportShot(display, "series-display-1920x1080-reflection");
    Browsers.viewportShot(dev, "series-phone-reflection");
    onStage(speaker, "Done speaking").click();
    run(ben, "End session").click();
    ben.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
    for (Page p : members) assertThat(p.locator("#status")).containsText("This session has ended.");
    assertThat(ben.locator("#errors")).isHidden();
    CommandLog.verifyAll(pages);
    assertEquals(List.of(), WholeSessionInBrowsersTest.DIALOGS, "no page opened a JavaScript dialog");
  }

  /** Opens the member page in a fresh, logged context and joins. */
  Page person(String name, com.microsoft.playwright.BrowserContext context, String path) {
    Page page = open(logged(context), path);
    join(page, name);
    pages.put(name, page);
    return page;
  }

  static String speakerOnScreen(Page display) {
    Locator s = display.locator("#queue-section .speaker");
    return s.count() == 0 ? "" : s.textContent();
  }

  /** The page whose person has the floor now, or null when it is someone in the room without a device. */
  static Page turnHolder(List<Page> people, Page display) {
    long until = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < until) {
      String speaking = speakerOnScreen(display);
      if (speaking.contains("Dora")) return null;
      for (Page p : people) {
        if (p.locator("#now-section .my-place").textContent().contains("You have the floor.")) return p;
      }
      people.get(0).waitForTimeout(100);
    }
    throw new AssertionError("nobody has the floor");
  }
}
