package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.WsClient;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import com.microsoft.playwright.Download;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, between the sessions: Ben's laptop made his commitment at the first session, which
 * closes with the follow-up's date; every member page shows it and its .ics reads right in a real
 * calendar parser. Later Ben opens the follow-up on the laptop, takes the "use on another device" link to his phone
 * (a second browser), and there — the same Ben — marks his commitment tried and writes one shared
 * and one private note. Chloé sees the shared note and never the private one; in the follow-up's
 * reflection round the projector shows the shared note under Ben's commitment while he speaks; the
 * summary holds it and not the private one.
 */
class BetweenTheSessionsInBrowsersTest extends BrowserTest {
  static final String BENS = "Ask my lead for feedback every Friday";
  static final String CHLOES = "Pair once a week";
  static final String SHARED = "Asked twice; the second time it was easier";
  static final String PRIVATE = "I nearly skipped it when the week got busy";
  /** The identity Ben's laptop made at the first session (this browser's, kept in localStorage). */
  static final String BENS_LAPTOP = "0123456789abcdef0123456789abcdef";
  static final String CHLOES_LAPTOP = "fedcba9876543210fedcba9876543210";

  @Test
  void aMemberKeepsAPracticeLogOnTheirPhoneAndTheReflectionShowsWhatTheyShared() {
    Http http = new Http(node.port());
    JsonObject first = http.createSession("Peer group", "first");
    String firstCode = first.getString("code");
    String key = first.getString("facilitatorKey");
    WsClient fac = WsClient.connect(node.vertx(), node.port());
    fac.joinWithKey(firstCode, "Ana", key);
    // Ben and Chloé are at the first session on their laptops (each browser holds its identity and
    // its resume token); their commitments are made over the socket to keep this test on issue 23.
    Map<String, Page> firstPages = new LinkedHashMap<>();
    for (String[] who : List.of(new String[] {"Ben", BENS, BENS_LAPTOP}, new String[] {"Chloé", CHLOES, CHLOES_LAPTOP})) {
      try (WsClient c = WsClient.connect(node.vertx(), node.port())) {
        c.joinWithIdentity(firstCode, who[0], who[2]);
        c.command("addCommitment", "text", who[1]);
        BrowserContext laptop = withIdentity(browsers.context(1366, 768), who[2]);
        laptop.addInitScript("localStorage.setItem('roundtable.resume." + firstCode + "', '" + c.resume + "');");
        Page page = open(laptop, "/s/" + firstCode);
        assertThat(page.locator("#status")).hasText("Connected.");
        firstPages.put(who[0], page);
      }
    }

    // At the close: "When do we meet again?" — in two weeks, for 90 minutes.
    long at = (System.currentTimeMillis() / 60_000 + 14 * 24 * 60) * 60_000;
    Http.Response created = http.post("/api/sessions/" + firstCode + "/follow-up",
        new JsonObject().put("at", at).put("minutes", 90).encode(), Map.of("X-Facilitator-Key", key));
    assertEquals(201, created.status(), created.body());
    JsonObject followUp = created.json();
    String code = followUp.getString("code");
    String when = firstPages.get("Ben").evaluate("at => new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' }).format(new Date(at))", (double) at).toString();
    for (Page p : firstPages.values()) assertThat(p.locator("#next")).containsText(when);
    fac.command("endSession");
    fac.close();
    for (Page p : firstPages.values()) {
      assertThat(p.locator("#ended")).containsText(when);
      Download file = p.waitForDownload(() -> p.locator("#ended").getByRole(AriaRole.LINK,
          new Locator.GetByRoleOptions().setName("Add to my calendar")).click());
      VEvent event = onlyEvent(file.path());
      assertEquals(Instant.ofEpochMilli(at), instant(event, Property.DTSTART));
      assertEquals(Instant.ofEpochMilli(at).plus(Duration.ofMinutes(90)), instant(event, Property.DTEND));
      assertEquals(followUp.getString("joinUrl"), event.getProperty(Property.URL).map(Property::getValue).orElse(null));
      assertEquals(2, event.getAlarms().size(), "a day and a quarter of an hour before");
    }
    Browsers.viewportShot(firstPages.get("Ben"), "between-first-session-ended-1366x768");

    // A week later: Ben opens the follow-up from there, on the laptop he used last time.
    Page benLaptop = firstPages.get("Ben");
    benLaptop.locator("#ended").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the next session")).click();
    join(benLaptop, "Ben");
    Locator mine = benLaptop.locator("#now-section #previous-section .owner.mine");
    assertThat(mine).containsText(BENS);
    assertThat(benLaptop.locator("#now-section")).containsText("Between the sessions");
    assertThat(benLaptop.locator("#now-section .previous-when")).containsText(when);
    benLaptop.locator("#device-home > summary").click();
    String link = benLaptop.locator("#device-section input[readonly]").inputValue();
    assertTrue(link.startsWith(browsers.base + "/s/" + code + "#resume="), link);
    assertTrue(link.contains("&identity=" + BENS_LAPTOP), link);
    assertThat(benLaptop.locator("#device-section svg.qr")).isVisible();

    // The phone opens the link: the same Ben, and the secret leaves the address bar at once.
    List<String> requested = new ArrayList<>();
    BrowserContext phoneContext = browsers.phone(390, 844);
    phoneContext.onRequest(r -> requested.add(r.url()));
    Page phone = open(phoneContext, link);
    assertThat(phone.locator("#status")).hasText("Connected.");
    assertFalse(phone.url().contains("#"), phone.url());
    assertThat(phone.locator("#join")).isHidden();
    assertEquals(1, http.get("/api/sessions/" + code).json().getInteger("members"), "one Ben, on two devices");
    for (String url : requested) assertFalse(url.contains("resume=") || url.contains(BENS_LAPTOP), "the fragment reached the server: " + url);
    Locator benOnPhone = phone.locator("#now-section .owner.mine");
    assertThat(benOnPhone).containsText(BENS);

    // Tried, with one shared and one private note.
    Locator status = benOnPhone.locator("form").filter(new Locator.FilterOptions().setHas(phone.getByLabel("Status"))).first();
    status.getByLabel("Status").selectOption("tried");
    status.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save progress")).click();
    assertThat(benOnPhone.locator(".tag.status-tried")).isVisible();
    addNote(phone, SHARED, true);
    addNote(phone, PRIVATE, false);
    assertThat(benOnPhone.locator(".practice-note.shared")).containsText(SHARED);
    assertThat(benOnPhone.locator(".practice-note.private")).containsText(PRIVATE);
    assertThat(benLaptop.locator("#now-section .owner.mine .practice-note.private")).containsText(PRIVATE); // his laptop too

    phone.evaluate("window.scrollTo(0, 0)");
    Browsers.viewportShot(phone, "between-sessions-phone-390x844");
    Browsers.screenshot(phone, "between-sessions-phone-390x844-full");

    // Chloé sees what Ben shared, and nothing of what he kept for himself.
    Page chloe = open(withIdentity(browsers.context(1366, 768), CHLOES_LAPTOP), "/s/" + code);
    join(chloe, "Chloé");
    Locator bensForChloe = chloe.locator("#now-section .owner").filter(new Locator.FilterOptions().setHasText(BENS));
    assertThat(bensForChloe).containsText(SHARED);
    assertThat(bensForChloe).containsText("Tried");
    assertThat(chloe.locator("body")).not().containsText(PRIVATE);
    assertThat(chloe.locator("#now-section .owner.mine")).containsText(CHLOES);

    // The follow-up meets: the reflection round, Ben speaking.
    Page projector = open(browsers.context(1920, 1080), "/d/" + code);
    WsClient fac2 = WsClient.connect(node.vertx(), node.port());
    fac2.joinWithKey(code, "Ana", followUp.getString("facilitatorKey"));
    String ben = memberId(fac2, "Ben");
    fac2.command("nextAgendaItem"); // welcome
    fac2.command("nextAgendaItem"); // check-in round
    fac2.command("nextAgendaItem"); // reflection round
    for (int i = 0; i < 5 && !ben.equals(speaker(fac2)); i++) fac2.command("endTurn");
    assertEquals(ben, speaker(fac2));
    Locator speaking = projector.locator("#previous-section .owner.speaking");
    assertThat(speaking).containsText(BENS);
    assertThat(speaking).containsText(SHARED);
    assertThat(projector.locator("body")).not().containsText(PRIVATE);
    assertThat(phone.locator("#now-section .owner.speaking.mine")).containsText(SHARED);

    String summary = http.get("/api/sessions/" + code + "/summary", Map.of("X-Facilitator-Key", followUp.getString("facilitatorKey"))).body();
    assertTrue(summary.contains("Asked twice; the second time it was easier"), summary);
    assertFalse(summary.contains("nearly skipped"), summary);

    Browsers.viewportShot(phone, "between-practice-log-phone-390x844");
    Browsers.screenshot(phone, "between-practice-log-phone-390x844-full");
    Browsers.viewportShot(projector, "between-reflection-projector-1920x1080");
    Browsers.viewportShot(chloe, "between-reflection-member-1366x768");
    List<String> a11y = new ArrayList<>();
    scan(phone, "practice log, phone", a11y);
    scan(projector, "reflection with notes, projector", a11y);
    noA11yProblems(a11y);
    fac2.close();
  }

  private static void addNote(Page page, String text, boolean shared) {
    Locator form = page.locator("#now-section .owner.mine .practice-add").first();
    form.getByLabel("New note").fill(text);
    if (shared) form.getByLabel("Share with the group").check();
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add note")).click();
    assertThat(page.locator("#now-section .owner.mine .practice-note").filter(new Locator.FilterOptions().setHasText(text))).hasCount(1);
  }

  /** The one event of a downloaded .ics, read by a real calendar parser (which also validates it). */
  private static VEvent onlyEvent(Path ics) {
    try {
      Calendar cal = new CalendarBuilder().build(new StringReader(Files.readString(ics)));
      cal.validate();
      List<VEvent> events = cal.getComponents(Component.VEVENT);
      assertEquals(1, events.size(), "one event");
      return events.get(0);
    } catch (Exception e) {
      throw new AssertionError("not a valid calendar: " + ics, e);
    }
  }

  private static Instant instant(VEvent e, String property) {
    DateProperty<?> p = e.<DateProperty<?>>getProperty(property).orElseThrow();
    return Instant.from(p.getDate());
  }

  /** A browser that has been here before: it holds the series identity it made then. */
  private static BrowserContext withIdentity(BrowserContext context, String identity) {
    context.addInitScript("if (!localStorage.getItem('roundtable.identity')) localStorage.setItem('roundtable.identity', '" + identity + "');");
    return context;
  }

  private static String memberId(WsClient c, String name) {
    for (Object o : c.latest.getJsonArray("members")) {
      JsonObject m = (JsonObject) o;
      if (name.equals(m.getString("name"))) return m.getString("id");
    }
    throw new AssertionError("no member " + name);
  }

  private static String speaker(WsClient c) {
    JsonObject s = c.latest.getJsonObject("queue").getJsonObject("speaker");
    return s == null ? null : s.getString("memberId");
  }
}
