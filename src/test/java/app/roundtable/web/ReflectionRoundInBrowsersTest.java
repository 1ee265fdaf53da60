package app.roundtable.web;

import static app.roundtable.web.AccessibilityTest.scan;
import static app.roundtable.web.StagePages.fitsTheScreen;
import static app.roundtable.web.StagePages.layoutShifts;
import static app.roundtable.web.StagePages.noA11yProblems;
import static app.roundtable.web.StagePages.run;
import static app.roundtable.web.StagePages.shoot;
import static app.roundtable.web.StagePages.visibleWithoutScrolling;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.WsClient;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A follow-up session: Ben and Chloé committed to something last time; in the follow-up's
 * reflection round every page shows last session's commitments with their owners (the speaker's
 * highlighted, one's own marked), the check-in round before it does not, and the projector shows
 * them beside the round's order.
 */
class ReflectionRoundInBrowsersTest extends BrowserTest {
  static final String BENS = "Ask my lead for feedback every Friday";
  static final String CHLOES = "Pair once a week";

  @Test
  void theReflectionRoundShowsEachMembersCommitmentsFromLastTime() {
    Http http = new Http(node.port());
    JsonObject first = http.createSession("Peer group", "first");
    String firstCode = first.getString("code");
    for (String[] who : List.of(new String[] {"Ben", BENS}, new String[] {"Chloé", CHLOES})) {
      try (WsClient c = WsClient.connect(node.vertx(), node.port())) {
        // Their laptops' series identities: "yours" is what a member may report on, never a name.
        c.joinWithIdentity(firstCode, who[0], identity(who[0]));
        c.command("addCommitment", "text", who[1]);
      }
    }
    Http.Response created = http.post("/api/sessions/" + firstCode + "/follow-up", "{}",
        Map.of("X-Facilitator-Key", first.getString("facilitatorKey")));
    JsonObject followUp = created.json();
    String code = followUp.getString("code");

    Page ana = open(LayoutShift.watch(browsers.context(1366, 768)),
        "/s/" + code + "#key=" + URLEncoder.encode(followUp.getString("facilitatorKey"), StandardCharsets.UTF_8));
    join(ana, "Ana");
    Page ben = open(LayoutShift.watch(withIdentity(browsers.phone(390, 844), identity("Ben"))), "/s/" + code);
    join(ben, "Ben");
    Page chloe = open(LayoutShift.watch(withIdentity(browsers.context(1366, 768), identity("Chloé"))), "/s/" + code);
    join(chloe, "Chloé");
    Page big = open(LayoutShift.watch(browsers.context(1920, 1080)), "/d/" + code);
    Page small = open(LayoutShift.watch(browsers.context(1280, 720)), "/d/" + code);
    List<Page> everyone = List.of(ana, ben, chloe, big, small);

    run(ana, "Start agenda").click();
    run(ana, "Next item").click();
    for (Page p : everyone) {
      assertThat(p.locator("#now-section")).containsText("Check-in round");
      assertThat(p.locator("#now-section #previous-section")).hasCount(0); // a check-in is not a reflection
    }

    run(ana, "Next item").click();
    for (Page p : everyone) {
      Locator now = p.locator("#now-section");
      assertThat(now).containsText("Reflection round");
      assertThat(now).containsText("What happened when I practised my commitment?");
    }
    for (Page p : List.of(ana, ben, chloe, big, small)) {
      Locator owners = p.locator("#previous-section .owner");
      assertThat(owners.filter(new Locator.FilterOptions().setHasText("Ben"))).containsText(BENS);
      assertThat(owners.filter(new Locator.FilterOptions().setHasText("Chloé"))).containsText(CHLOES);
      assertThat(p.locator("#previous-section")).isVisible();
    }
    assertThat(ben.locator("#now-section .owner").filter(new Locator.FilterOptions().setHasText(BENS))).containsText("yours");
    assertThat(chloe.locator("#now-section .owner").filter(new Locator.FilterOptions().setHasText(CHLOES))).containsText("yours");
    // The speaker's commitments are the highlighted ones, first in the list.
    String speaker = big.locator("#queue-section .speaker").textContent().replace("Speaking: ", "").trim();
    assertThat(big.locator("#previous-section .owner.speaking")).hasCount(speaker.equals("Ana") ? 0 : 1);
    if (!speaker.equals("Ana")) assertThat(big.locator("#previous-section .owner").first()).containsText(speaker);
    visibleWithoutScrolling(ben, ben.locator("#now-section .my-place"));

    Map<String, Page> sizes = new LinkedHashMap<>();
    sizes.put("facilitator-laptop-1366x768", ana);
    sizes.put("member-laptop-1366x768", chloe);
    sizes.put("member-phone-390x844", ben);
    sizes.put("projector-1920x1080", big);
    sizes.put("projector-1280x720", small);
    for (Page display : List.of(big, small)) fitsTheScreen(display, "reflection round");
    List<String> a11y = new ArrayList<>();
    scan(ana, "reflection, facilitator", a11y);
    scan(ben, "reflection, member on a phone", a11y);
    scan(big, "reflection, projector", a11y);
    shoot("12-follow-up-reflection", sizes);
    layoutShifts(sizes, FirstSessionWithRunBarTest.LAYOUT_SHIFT_LIMIT);
    noA11yProblems(a11y);
  }

  static String identity(String name) {
    return (name.equals("Ben") ? "b" : "c") + "0123456789abcdef0123456789abcde";
  }

  /** A browser that has been at the first session: it holds the series identity it sent then. */
  static com.microsoft.playwright.BrowserContext withIdentity(com.microsoft.playwright.BrowserContext context, String identity) {
    context.addInitScript("localStorage.setItem('roundtable.identity', '" + identity + "');");
    return context;
  }
}
