package app.roundtable.web;

import static app.roundtable.web.HybridRoomInBrowsersTest.openPanel;
import static app.roundtable.web.WholeSessionInBrowsersTest.button;
import static app.roundtable.web.WholeSessionInBrowsersTest.join;
import static app.roundtable.web.WholeSessionInBrowsersTest.open;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.roundtable.testsupport.Http;
import app.roundtable.testsupport.WsClient;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The review's lock-out, undone from the facilitator's page (issue 21). Four fake displays take
 * every display slot and the room's projector is refused. The facilitator locks the room and
 * removes a fake display from the page; the fake cannot come back, and the projector opened in
 * the facilitator's browser (it brings the key) gets in. While locked, every page shows it, a new
 * name is refused, and a member's reload still works. Then the facilitator unlocks, and deletes the
 * session after a confirm step: every page says it was deleted.
 */
class RoomDoorInBrowsersTest extends BrowserTest {
  @Test
  void theFacilitatorUndoesTheDisplayLockOutFromThePage() {
    JsonObject created = new Http(node.port()).createSession("Team retro", "blank");
    String code = created.getString("code");
    BrowserContext laptop = browsers.context(1280, 800);
    Page fac = open(laptop, "/s/" + code + "#key=" + URLEncoder.encode(created.getString("facilitatorKey"), StandardCharsets.UTF_8));
    join(fac, "Fae");
    Page ben = open(browsers.phone(390, 844), "/s/" + code);
    join(ben, "Ben");

    Vertx clients = Vertx.vertx();
    List<WsClient> fakes = new ArrayList<>();
    try {
      List<String> fakeIds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        WsClient d = WsClient.connect(clients, node.port());
        fakes.add(d);
        fakeIds.add(d.joinDisplay(code).getString("displayId"));
      }
      // The room's projector, opened from the facilitator's laptop: every slot is taken.
      Page projector = open(laptop, "/d/" + code);
      assertThat(projector.locator("#status")).hasText("This session is full: no more people can join it.");

      // Lock first, so that a removed display cannot simply come back; then remove one.
      openPanel(fac, "#members-home");
      Locator door = fac.locator("#room");
      assertThat(door.locator(".display-row")).hasCount(4);
      door.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lock the room")).click();
      assertThat(door.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlock the room"))).isVisible();
      assertThat(fac.locator("#room-locked")).isVisible();
      assertThat(ben.locator("#room-locked")).hasText("Locked: nobody new can join");
      String fakeLabel = fakeIds.get(0).substring(0, 4).toUpperCase(Locale.ROOT);
      door.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove display " + fakeLabel)).click();
      fac.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove")).click();
      assertEquals("display-removed", fakes.get(0).nextOfType("closed").getString("reason"));
      assertThat(door.locator(".display-row")).hasCount(3);
      WsClient again = WsClient.connect(clients, node.port());
      fakes.add(again);
      assertEquals("room_locked", again.refused("join", "code", code, "role", "display").getString("code"),
          "the fake reconnects at once and the lock keeps it out");

      // The projector tries again (a reload): with the key from this browser it takes the free slot.
      projector.reload();
      assertThat(projector.locator("#status")).hasText("Connected.");
      String label = projector.locator("#display-id").textContent().replace("This display: ", "");
      assertEquals(4, label.length(), "the projector shows its short id");
      assertThat(door.locator(".display-row")).hasCount(4);
      assertThat(door.locator(".display-row").last()).containsText("Display " + label);
      assertThat(projector.locator("#room-locked")).isVisible();

      // While locked: a new name is refused; Ben's reload is a resume and works.
      Page newcomer = open(browsers.phone(390, 844), "/s/" + code);
      assertThat(newcomer.locator("#join-info")).hasText(
          "The facilitator has locked this session: nobody new can join now. Ask them to unlock it.");
      newcomer.getByLabel("Your name", new Page.GetByLabelOptions().setExact(true)).fill("Nell");
      button(newcomer, "Join").click();
      assertThat(newcomer.locator("#status")).hasText(
          "The facilitator has locked this session: nobody new can join now. Ask them to unlock it.");
      ben.reload();
      assertThat(ben.locator("#status")).hasText("Connected.");
      assertThat(ben.locator("#room-locked")).isVisible();

      door.scrollIntoViewIfNeeded();
      Browsers.viewportShot(fac, "room-facilitator-1280x800");
      Browsers.viewportShot(ben, "room-member-locked-390x844");
      Browsers.viewportShot(projector, "room-projector-locked-1280x800");
      // The same controls on a phone: nothing wider than the screen.
      fac.setViewportSize(390, 844);
      door.scrollIntoViewIfNeeded();
      assertEquals(Boolean.TRUE, fac.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
          "the facilitator's page fits a 390 px phone");
      Browsers.viewportShot(fac, "room-facilitator-390x844");
      fac.setViewportSize(1280, 800);

      // Unlocking restores joins.
      door.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlock the room")).click();
      assertThat(ben.locator("#room-locked")).isHidden();
      newcomer.reload();
      join(newcomer, "Nell");

      // Deletion is irreversible: a confirm step, and a cancel leaves everything as it was.
      openPanel(fac, "#session-home");
      Locator delete = fac.locator("#session-actions").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete this session"));
      delete.click();
      fac.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
      assertThat(ben.locator("#status")).hasText("Connected.");
      delete.click();
      Browsers.viewportShot(fac, "room-delete-confirm-1280x800");
      fac.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete for good")).click();
      String deleted = "The facilitator deleted this session. Nothing of it is kept.";
      for (Page p : List.of(fac, ben, newcomer, projector)) assertThat(p.locator("#status")).hasText(deleted);
      assertThat(ben.locator("#session")).isHidden();
      Browsers.viewportShot(ben, "room-member-deleted-390x844");
      assertEquals(404, new Http(node.port()).get("/api/sessions/" + code).status());
    } finally {
      fakes.forEach(WsClient::close);
      clients.close();
    }
  }
}
