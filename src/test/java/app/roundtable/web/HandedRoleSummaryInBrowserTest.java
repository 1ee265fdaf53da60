package app.roundtable.web;

import static app.roundtable.web.NoStumbleInBrowsersTest.read;
import static app.roundtable.web.StagePages.run;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.testsupport.Nodes;
import app.roundtable.testsupport.WsClient;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A facilitator who was handed the role (and so holds no key) ends the session and still takes the
 * record home: the ended page offers the summary, fetched with their resume token (the sockets are
 * closed by then, and HTTP answered the key alone before).
 */
class HandedRoleSummaryInBrowserTest extends BrowserTest {

  @Test
  void theFacilitatorHandedTheRoleDownloadsTheSummaryFromTheEndedPage() {
    Vertx clients = Vertx.vertx();
    try {
      WsClient fae = WsClient.facilitator(clients, node.port(), "Handed on", "blank");
      Page bo = open(browsers.person(), "/s/" + fae.code);
      join(bo, "Bo");
      JsonObject state = fae.state(s -> s.getJsonArray("members").stream()
          .anyMatch(m -> "Bo".equals(((JsonObject) m).getString("name"))));
      String boId = state.getJsonArray("members").stream().map(m -> (JsonObject) m)
          .filter(m -> "Bo".equals(m.getString("name"))).findFirst().orElseThrow().getString("id");
      fae.command("addCommitment", "text", "Send the notes round by Friday");
      fae.command("handOff", "memberId", boId);
      assertThat(bo.locator("body")).hasClass(java.util.regex.Pattern.compile("is-facilitator"));

      run(bo, "End session").click();
      bo.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End session")).click();
      assertThat(bo.locator("#status")).containsText("This session has ended.");
      Download summary = bo.waitForDownload(() -> bo.locator("#status")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Download summary").setExact(true)).click());
      String record = read(summary);
      assertTrue(record.contains("Send the notes round by Friday"), record);
      assertThat(bo.locator("#status")).containsText("Summary downloaded.");
      Browsers.viewportShot(bo, "ended-handed-role-summary");
      fae.close();
    } finally {
      Nodes.await(clients.close());
    }
  }
}
