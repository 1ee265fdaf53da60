package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.StagePages.fitsTheScreen;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.roundtable.testsupport.Http;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * German and Spanish pages: a facilitator (language from ?lang=), a member whose phone is set to
 * the language (navigator.languages, no ?lang) and the projector run a session with a room member,
 * a round and the speaking record; then every catalogue key is walked against the rendered pages
 * (all folded panels opened, accessible names, options and the title included): no English
 * wording that differs from the language's own is left. axe-core scans them clean.
 */
class LanguagesInBrowsersTest extends BrowserTest {
  /**
   * In-page: the English catalogue's wording (each literal piece between placeholders, where the
   * language's catalogue words it differently) that the page shows. The group's own ground rules
   * are content, not the interface, and are left out.
   */
  static final String ENGLISH_LEFT = "async (lang) => {"
      + " for (const d of document.querySelectorAll('details')) d.open = true;"
      + " await new Promise((r) => setTimeout(r, 50));"
      + " let text = [document.title, document.body.innerText].join('\\n');"
      + " for (const n of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))"
      + "   for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (n.getAttribute(a)) text += '\\n' + n.getAttribute(a);"
      + " for (const o of document.querySelectorAll('option')) text += '\\n' + o.textContent;"
      + " for (const n of document.querySelectorAll('body *')) {"
      + "   const c = getComputedStyle(n, '::before').content;"
      + "   if (c && c.startsWith('\"')) text += '\\n' + c.slice(1, -1);"
      + " }"
      + " for (const r of document.querySelectorAll('.rules-list li')) text = text.split(r.textContent).join('');"
      + " const en = (await import('/js/i18n/en.js')).default;"
      + " const other = (await import('/js/i18n/' + lang + '.js')).default;"
      + " const forms = (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : Object.values(v));"
      + " const otherText = Object.values(other).flatMap(forms).join('\\n');"
      + " const left = [];"
      + " for (const [key, value] of Object.entries(en)) {"
      + "   for (const f of forms(value)) {"
      + "     if (forms(other[key]).includes(f)) continue;"
      + "     for (const piece of f.split(/\\{\\w+\\}/)) {"
      + "       const p = piece.trim();"
      + "       if (p.length < 3 || !/\\p{L}{2}/u.test(p) || otherText.includes(p)) continue;"
      + "       const re = new RegExp('(?<!\\\\p{L})' + p.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&') + '(?!\\\\p{L})', 'u');"
      + "       if (re.test(text)) left.push(key + ': \"' + p + '\"');"
      + "     }"
      + "   }"
      + " }"
      + " return [...new Set(left)]; }";

  @ParameterizedTest
  @ValueSource(strings = {"de", "es"})
  void theMemberPageAndTheProjectorHaveNoEnglishLeft(String lang) {
    JsonObject created = new Http(node.port()).createSession("Lerngruppe · Grupo", "blank");
    String code = created.getString("code");
    Page fac = open(browsers.context(1366, 768), "/s/" + code + "?lang=" + lang
        + "#key=" + URLEncoder.encode(created.getString("facilitatorKey"), StandardCharsets.UTF_8));
    joinIn(fac, "Ana");
    Page member = open(localised(lang), "/s/" + code); // the phone's own language, no ?lang
    joinIn(member, "Ben");
    Page display = open(browsers.context(1920, 1080), "/d/" + code + "?lang=" + lang);
    for (Page p : List.of(fac, member, display)) {
      assertEquals(lang, p.evaluate("document.documentElement.lang"));
      assertThat(p.locator("#status")).hasText(t(p, "status.live"));
    }

    // The facilitator prepares a round, adds someone in the room, starts the agenda.
    HybridRoomInBrowsersTest.openPanel(fac, "#prepare-home");
    fac.getByLabel(t(fac, "agenda.add.title"), new Page.GetByLabelOptions().setExact(true)).fill("Runde · Ronda");
    fac.getByLabel(t(fac, "agenda.kind"), new Page.GetByLabelOptions().setExact(true)).first().selectOption("round");
    buttonIn(fac, "agenda.add.button").click();
    HybridRoomInBrowsersTest.openPanel(fac, "#members-home");
    fac.getByLabel(t(fac, "room.add.label")).fill("Dora");
    buttonIn(fac, "room.add.button").click();
    assertThat(member.locator("#members .member.in-room")).containsText(t(member, "room.inRoom"));
    StagePages.run(fac, t(fac, "run.startAgenda")).click();
    assertThat(display.locator("#stage-kind")).hasText(t(display, "stage.kind.round"));
    assertThat(member.locator("#fairness")).isVisible();

    List<String> problems = new ArrayList<>();
    scan(fac, "facilitator (" + lang + ")", problems);
    scan(member, "member, phone (" + lang + ")", problems);
    scan(display, "projector (" + lang + ")", problems);
    fitsTheScreen(display, "projector in " + lang);
    for (Page p : List.of(member, fac)) p.evaluate("window.scrollTo(0, 0)");
    Browsers.viewportShot(member, "lang-" + lang + "-phone-390x844");
    Browsers.viewportShot(fac, "lang-" + lang + "-laptop-1366x768");
    Browsers.viewportShot(display, "lang-" + lang + "-projector-1920x1080");

    for (Page p : List.of(member, fac, display)) {
      assertEquals(List.of(), p.evaluate(ENGLISH_LEFT, lang), "English left on " + p.url());
    }
    noA11yProblems(problems);
  }

  /**
   * PROTOCOL v1.2, language at creation: a session started from the German start page is written
   * in German (agenda titles, the stage's prompt, ground rules), and its record downloads with
   * German headings, its date, and the speaking chart as a file of its own.
   */
  @Test
  void aGermanSessionHasGermanAgendaPromptsAndSummary() throws Exception {
    Page start = open(browsers.context(1366, 900), "/?lang=de");
    assertEquals("de", start.locator("#session-language").inputValue(), "the page's language by default");
    start.getByLabel(t(start, "start.title"), new Page.GetByLabelOptions().setExact(true)).fill("Führung im Wandel");
    buttonIn(start, "start.create").click();
    start.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t(start, "start.continue"))).click();
    // The member page's own catalogue must be German before its wording is looked up (a loaded
    // machine still shows the start page, or the member page before its language is set).
    start.waitForURL("**/s/**");
    start.waitForFunction("document.documentElement.lang === 'de' && !document.querySelector('#join').hidden");
    joinIn(start, "Ana");
    Page fac = start;
    HybridRoomInBrowsersTest.openPanel(fac, "#prepare-home");
    Locator agenda = fac.locator("#agenda");
    assertThat(agenda).containsText("Begrüßung und Gesprächsregeln");
    assertThat(agenda).containsText("Ankommensrunde");
    assertThat(agenda).containsText("Ideenwand: Ansätze zum Ausprobieren");
    StagePages.run(fac, t(fac, "run.startAgenda")).click();
    assertThat(fac.locator(".stage-prompt")).hasText("Welche unserer Gesprächsregeln ist dir heute besonders wichtig?");
    assertThat(fac.locator("body")).containsText("Was hier gesagt wird, bleibt hier");

    HybridRoomInBrowsersTest.openPanel(fac, "#session-home");
    com.microsoft.playwright.Download md = fac.waitForDownload(() -> buttonIn(fac, "session.summary").click());
    String summary = java.nio.file.Files.readString(md.path());
    for (String heading : List.of("# Führung im Wandel", "Datum: ", "## Agenda", "| Punkt | Geplant | Tatsächlich | Status |",
        "| Begrüßung und Gesprächsregeln | 5 Min. |", "## Redebilanz", "## Ideenwand", "## Vorhaben")) {
      assertEquals(true, summary.contains(heading), heading + " in\n" + summary);
    }
    assertFalse(summary.contains("data:image"), "the chart is its own download");
    com.microsoft.playwright.Download chart = fac.waitForDownload(() -> buttonIn(fac, "session.chart").click());
    assertEquals(true, chart.suggestedFilename().endsWith("-speaking.svg"), chart.suggestedFilename());
    assertEquals(true, java.nio.file.Files.readString(chart.path()).contains("Redebilanz"));
    List<String> problems = new ArrayList<>();
    scan(fac, "facilitator of a German session", problems);
    noA11yProblems(problems);
  }

  /** The walk is not vacuous: on an English page it finds the English wording. */
  @Test
  void theWalkFindsEnglishOnAnEnglishPage() {
    Page start = open(browsers.context(1366, 768), "/?lang=en");
    assertThat(start.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Start a session"))).isVisible();
    @SuppressWarnings("unchecked")
    List<String> left = (List<String>) start.evaluate(ENGLISH_LEFT, "de");
    assertFalse(left.isEmpty());
    assertEquals(true, left.contains("start.create.heading: \"Start a session\""), String.valueOf(left));
  }

  /** The picker switches the page's language and the choice stays in the address. */
  @Test
  void thePickerSwitchesTheLanguage() {
    Page start = open(browsers.context(1366, 768), "/");
    assertEquals("en", start.evaluate("document.documentElement.lang"));
    start.locator("select.language-select").selectOption("es"); // the page's picker, not the agenda's language
    assertThat(start.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Crear una sesión"))).isVisible();
    assertEquals("es", start.evaluate("document.documentElement.lang"));
    assertEquals(true, start.url().endsWith("?lang=es"), start.url());
    List<String> problems = new ArrayList<>();
    scan(start, "start page (es)", problems);
    // The choice stays with this browser: its next page is Spanish without ?lang=.
    start.navigate("/");
    assertThat(start.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Crear una sesión"))).isVisible();
    noA11yProblems(problems);
  }

  /** A phone whose browser prefers `lang`. */
  BrowserContext localised(String lang) {
    return browsers.browser.newContext(new Browser.NewContextOptions().setBaseURL(browsers.base)
        .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale(lang));
  }

  /** The page's own wording for a catalogue key (the page's i18n module, in its language). */
  static String t(Page page, String key) {
    return (String) page.evaluate("async (k) => (await import('/js/i18n.js')).t(k)", key);
  }

  static Locator buttonIn(Page page, String key) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t(page, key)).setExact(true));
  }

  static void joinIn(Page page, String name) {
    page.getByLabel(t(page, "join.name"), new Page.GetByLabelOptions().setExact(true)).fill(name);
    buttonIn(page, "join.button").click();
    assertThat(page.locator("#session")).isVisible();
  }
}
