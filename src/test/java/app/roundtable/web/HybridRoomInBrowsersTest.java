package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.StagePages.fitsTheScreen;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.StagePages.run;
import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.Http;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 in the browsers: Dora sits in the room without a device. The facilitator adds her,
 * raises her hand, and the projector (in Spanish, while the facilitator works in English) shows her
 * in the queue; the facilitator ends her turn and lowers someone else's hand; the speaking record
 * is on screen live until the facilitator turns it off; her commitment is typed for her.
 */
class HybridRoomInBrowsersTest extends BrowserTest {
  @Test
  void theFacilitatorAddsARoomMemberRaisesTheirHandAndTheProjectorShowsThemInTheQueue() {
    JsonObject created = new Http(node.port()).createSession("Peer group", "first");
    String code = created.getString("code");
    Page ana = open(browsers.context(1366, 768),
        "/s/" + code + "#key=" + URLEncoder.encode(created.getString("facilitatorKey"), StandardCharsets.UTF_8));
    join(ana, "Ana");
    Page ben = open(browsers.phone(390, 844), "/s/" + code);
    join(ben, "Ben");
    // The projector keeps its own language: Spanish, while Ana's laptop is in English.
    Page display = open(browsers.context(1920, 1080), "/d/" + code + "?lang=es");
    assertThat(display.locator("#status")).hasText("Conectado.");
    assertEquals("es", display.evaluate("document.documentElement.lang"));
    assertEquals("en", ana.evaluate("document.documentElement.lang"));

    addRoomMember(ana, "Dora");
    openPanel(ben, "#members-home");
    assertThat(ben.locator("#members .member.in-room")).containsText("Dora");
    assertThat(ben.locator("#members .member.in-room")).containsText("in the room");
    assertThat(ben.locator("#members").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Raise hand for Dora")))
        .hasCount(0); // only the facilitator acts for her

    // Ben has the floor; the facilitator raises Dora's hand for her: she waits, on every screen.
    button(ben, "Raise hand").click();
    Locator queue = display.locator("#queue-section");
    assertThat(queue).containsText("Habla: Ben");
    ana.locator("#members").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Raise hand for Dora")).click();
    assertThat(queue.locator(".waiting-list")).containsText("Dora · en la sala");
    assertThat(ben.locator("#queue-section .waiting-list")).containsText("Dora · in the room");

    // Moderation: the facilitator ends Ben's turn (the queue's order gives Dora the floor),
    // lowers Ben's hand when he raises it again, and ends Dora's turn.
    openPanel(ana, "#queue-home");
    ana.locator("#queue-section").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End turn: Ben")).click();
    assertThat(queue).containsText("Habla: Dora · en la sala");
    assertThat(ana.locator("#queue-section .speaker")).hasText("Speaking: Dora · in the room");
    button(ben, "Raise hand").click();
    assertThat(ana.locator("#queue-section .waiting-list")).containsText("Ben");
    ana.locator("#queue-section").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lower hand: Ben")).click();
    assertThat(ben.locator("#queue-section .my-place")).hasText("Your hand is down.");
    ana.locator("#queue-section").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End turn: Dora")).click();
    assertThat(queue).containsText("Nadie tiene la palabra.");

    // The speaking record, live: beside the projector's queue in a discussion, on the member pages.
    run(ana, "Start agenda").click();
    assertThat(display.locator("#record-section")).isVisible();
    assertThat(display.locator("#record-h")).hasText("Palabra hasta ahora");
    Locator doraRow = display.locator("#record .record-row").filter(new Locator.FilterOptions().setHasText("Dora"));
    assertThat(doraRow).containsText("1 turno");
    assertThat(ben.locator("#fairness")).isVisible();
    assertThat(ben.locator("#fairness .record-row").filter(new Locator.FilterOptions().setHasText("Dora"))).containsText("1 turn ·");
    // Member order, not sorted by amount: the chart lists people as the member list does.
    assertEquals(List.of("Ana", "Ben", "Dora"), ben.locator("#fairness .record-name").allTextContents());

    List<String> problems = new ArrayList<>();
    scan(ana, "facilitator with a room member (en)", problems);
    scan(ben, "member page with the record live (en, phone)", problems);
    scan(display, "projector with the record live (es)", problems);
    fitsTheScreen(display, "projector with the record live");
    Browsers.viewportShot(ben, "hybrid-phone-390x844");
    Browsers.viewportShot(ana, "hybrid-laptop-1366x768");
    Browsers.viewportShot(display, "hybrid-projector-1920x1080-es");
    Browsers.screenshot(ana.locator("#members-section"), "hybrid-people-panel-laptop");

    ana.getByLabel("Show the speaking record to everyone").uncheck();
    assertThat(ben.locator("#fairness")).isHidden();
    assertThat(display.locator("#record-section")).isHidden();

    // Dora's commitment, typed by the facilitator, under her name on every screen.
    openPanel(ana, "#commitments-home");
    Locator commitments = ana.locator("#commitments-section");
    commitments.getByLabel("For").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Dora"));
    commitments.getByLabel("What I will practise").fill("Ask one question per meeting");
    button(ana, "Add commitment").click();
    openPanel(ben, "#commitments-home");
    assertThat(ben.locator("#commitments-section")).containsText("Dora: Ask one question per meeting");
    assertThat(ana.locator("#commitments-section .my-commitments")).containsText("You have no commitments yet.");
    // The facilitator keeps it up to date for her; nobody else can.
    Locator doras = commitments.locator(".others-commitments li").filter(new Locator.FilterOptions().setHasText("Dora:"));
    doras.getByLabel("Status").selectOption("tried");
    doras.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save progress")).click();
    assertThat(ben.locator("#commitments-section .others-commitments li").filter(new Locator.FilterOptions().setHasText("Dora:")))
        .containsText("Tried");
    assertThat(ben.locator("#commitments-section .others-commitments").getByRole(AriaRole.BUTTON)).hasCount(0);

    noA11yProblems(problems);
  }

  /**
   * The rota: Ana facilitated the first session; at the follow-up's start the card suggests Ben,
   * who has not facilitated yet, and one click hands him the role. The session panel lists who
   * facilitated the series.
   */
  @Test
  void theFollowUpSuggestsWhoFacilitatesAndOneClickHandsThemTheRole() {
    Http http = new Http(node.port());
    JsonObject first = http.createSession("Peer group", "first");
    Page ana1 = open(browsers.context(1366, 768),
        "/s/" + first.getString("code") + "#key=" + URLEncoder.encode(first.getString("facilitatorKey"), StandardCharsets.UTF_8));
    join(ana1, "Ana");
    run(ana1, "Start agenda").click();
    ana1.context().close();
    JsonObject followUp = http.post("/api/sessions/" + first.getString("code") + "/follow-up", "{}",
        java.util.Map.of("X-Facilitator-Key", first.getString("facilitatorKey"))).json();
    String code = followUp.getString("code");

    Page ana = open(browsers.context(1366, 768),
        "/s/" + code + "#key=" + URLEncoder.encode(followUp.getString("facilitatorKey"), StandardCharsets.UTF_8));
    join(ana, "Ana");
    assertThat(ana.locator("#rota")).isHidden(); // nobody else here: no one to suggest
    Page ben = open(browsers.phone(390, 844), "/s/" + code);
    join(ben, "Ben");
    assertThat(ana.locator("#rota")).containsText("Suggested to facilitate this time: Ben.");
    assertThat(ben.locator("#rota")).containsText("Suggested to facilitate this time: Ben.");
    assertThat(ben.locator("#rota").getByRole(AriaRole.BUTTON)).hasCount(0); // only the facilitator hands over
    openPanel(ana, "#session-home");
    assertEquals(List.of("Ana", "Ana"), ana.locator("#session-actions .rota-history li").allTextContents());
    List<String> problems = new ArrayList<>();
    scan(ana, "follow-up start with the rota's suggestion", problems);
    ana.evaluate("window.scrollTo(0, 0)");
    Browsers.viewportShot(ana, "rota-laptop-1366x768");

    button(ana, "Hand the role to Ben").click();
    assertThat(ben.locator("#runbar")).isVisible();
    assertThat(ana.locator("#runbar")).isHidden();
    assertThat(ben.locator("#rota")).isHidden(); // the suggestion is taken
    noA11yProblems(problems);
  }

  static void addRoomMember(Page facilitator, String name) {
    openPanel(facilitator, "#members-home");
    facilitator.getByLabel("Name of someone here without a device").fill(name);
    button(facilitator, "Add to the room").click();
    assertThat(facilitator.locator("#members .member.in-room")).containsText(name);
  }

  /** Opens a folded panel of the member page (a no-op when the stage has moved it in). */
  static void openPanel(Page page, String home) {
    Locator details = page.locator(home);
    if (details.isVisible() && details.getAttribute("open") == null) details.locator("> summary").click();
  }
}
