package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaRulesTest {

  private static List<String> titles(Given g) {
    return g.session.agenda.items.stream().map(i -> i.title).toList();
  }

  private static String id(Given g, int k) {
    return g.session.agenda.items.get(k).id;
  }

  private static Given withItems(String... titles) {
    Given g = Given.session("a");
    for (String t : titles) g.ok(FAC, new AddAgendaItem(t, 10, null, null));
    return g;
  }

  @Test
  void addPutsItemsAtTheEndOrAtAPosition() {
    Given g = withItems("one", "three");
    g.ok(FAC, new AddAgendaItem("two", 5, ItemKind.ROUND, 1));
    g.ok(FAC, new AddAgendaItem("zero", 5, null, 0));
    g.ok(FAC, new AddAgendaItem("four", 5, null, 4));
    assertEquals(List.of("zero", "one", "two", "three", "four"), titles(g));
    AgendaItem two = g.session.agenda.items.get(2);
    assertEquals(ItemKind.ROUND, two.kind);
    assertEquals(ItemStatus.PENDING, two.status);
    assertEquals(Ids.LENGTH, two.id.length());
    assertEquals(ItemKind.DISCUSSION, g.session.agenda.items.get(0).kind);
  }

  @Test
  void addRefusesBadPositionsTitlesMinutesAndAFullAgenda() {
    Given g = withItems("one");
    g.refused(FAC, new AddAgendaItem("x", 5, null, 2), Reason.BAD_REQUEST);
    g.refused(FAC, new AddAgendaItem("x", 5, null, -1), Reason.BAD_REQUEST);
    g.refused(FAC, new AddAgendaItem("  ", 5, null, null), Reason.BAD_REQUEST);
    g.refused(FAC, new AddAgendaItem("x".repeat(281), 5, null, null), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new AddAgendaItem("x", 0, null, null), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new AddAgendaItem("x", g.limits.maxItemMinutes() + 1, null, null), Reason.LIMIT_EXCEEDED);
    g.refused("a", new AddAgendaItem("x", 5, null, null), Reason.FORBIDDEN);
    for (int i = 1; i < g.limits.maxAgendaItems(); i++) g.ok(FAC, new AddAgendaItem("i" + i, 5, null, null));
    g.refused(FAC, new AddAgendaItem("one too many", 5, null, null), Reason.LIMIT_EXCEEDED);
  }

  @Test
  void updateChangesOnlyTheGivenFields() {
    Given g = withItems("one");
    String id = id(g, 0);
    g.ok(FAC, new UpdateAgendaItem(id, null, 25, null));
    AgendaItem item = g.session.agenda.item(id);
    assertEquals("one", item.title);
    assertEquals(25, item.minutes);
    g.ok(FAC, new UpdateAgendaItem(id, "uno", null, ItemKind.BREAK));
    item = g.session.agenda.item(id);
    assertEquals("uno", item.title);
    assertEquals(ItemKind.BREAK, item.kind);
    g.unchanged(FAC, new UpdateAgendaItem(id, "uno", 25, ItemKind.BREAK));
    g.unchanged(FAC, new UpdateAgendaItem(id, null, null, null));
    g.refused(FAC, new UpdateAgendaItem("nope", "x", null, null), Reason.NOT_FOUND);
    g.refused(FAC, new UpdateAgendaItem(id, " ", null, null), Reason.BAD_REQUEST);
    g.refused(FAC, new UpdateAgendaItem(id, null, 0, null), Reason.LIMIT_EXCEEDED);
    g.refused("a", new UpdateAgendaItem(id, "x", null, null), Reason.FORBIDDEN);
  }

  @Test
  void itemsCarryAPromptThatMayBeEmpty() {
    Given g = withItems("one");
    String id = id(g, 0);
    assertEquals("", g.session.agenda.item(id).prompt, "a v1 add has no prompt");
    g.ok(FAC, new AddAgendaItem("two", 5, ItemKind.ROUND, null, "  How are you arriving today? "));
    assertEquals("How are you arriving today?", g.session.agenda.items.get(1).prompt);
    g.ok(FAC, new UpdateAgendaItem(id, null, null, null, "What matters now?"));
    assertEquals("What matters now?", g.session.agenda.item(id).prompt);
    g.unchanged(FAC, new UpdateAgendaItem(id, null, null, null, "What matters now?"));
    g.unchanged(FAC, new UpdateAgendaItem(id, "one", null, null)); // a v1 update leaves the prompt alone
    g.ok(FAC, new UpdateAgendaItem(id, null, null, null, " "));
    assertEquals("", g.session.agenda.item(id).prompt);
    g.refused(FAC, new AddAgendaItem("x", 5, null, null, "p".repeat(281)), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new UpdateAgendaItem(id, null, null, null, "p".repeat(281)), Reason.LIMIT_EXCEEDED);
    g.refused("a", new UpdateAgendaItem(id, null, null, null, "Mine"), Reason.FORBIDDEN);
  }

  @Test
  void moveAndRemove() {
    Given g = withItems("one", "two", "three");
    g.ok(FAC, new MoveAgendaItem(id(g, 0), 2));
    assertEquals(List.of("two", "three", "one"), titles(g));
    g.unchanged(FAC, new MoveAgendaItem(id(g, 1), 1));
    g.refused(FAC, new MoveAgendaItem(id(g, 1), 3), Reason.BAD_REQUEST);
    g.refused(FAC, new MoveAgendaItem(id(g, 1), -1), Reason.BAD_REQUEST);
    g.refused(FAC, new MoveAgendaItem("nope", 0), Reason.NOT_FOUND);
    g.ok(FAC, new RemoveAgendaItem(id(g, 1)));
    assertEquals(List.of("two", "one"), titles(g));
    g.refused(FAC, new RemoveAgendaItem("nope"), Reason.NOT_FOUND);
    g.refused("a", new RemoveAgendaItem(id(g, 0)), Reason.FORBIDDEN);
    g.refused("a", new MoveAgendaItem(id(g, 0), 1), Reason.FORBIDDEN);
  }

  @Test
  void startingAnItemEndsTheActiveOneAndStartsTheTimerAtItsMinutes() {
    Given g = withItems("one", "two");
    String one = id(g, 0), two = id(g, 1);
    g.ok(FAC, new StartAgendaItem(one));
    assertEquals(one, g.session.agenda.currentId);
    assertEquals(ItemStatus.ACTIVE, g.session.agenda.item(one).status);
    assertEquals(g.now, g.session.agenda.item(one).startedAt);
    assertEquals(g.now + 600_000, g.session.timer.endsAt);
    g.unchanged(FAC, new StartAgendaItem(one));
    g.later(90_000).ok(FAC, new StartAgendaItem(two));
    assertEquals(ItemStatus.DONE, g.session.agenda.item(one).status);
    assertEquals(90_000, g.session.agenda.item(one).spentMs);
    assertEquals(two, g.session.agenda.currentId);
    // going back to a done item accumulates its time
    g.later(1_000).ok(FAC, new StartAgendaItem(one));
    g.later(10_000).ok(FAC, new StartAgendaItem(two));
    assertEquals(100_000, g.session.agenda.item(one).spentMs);
    assertEquals(1_000, g.session.agenda.item(two).spentMs);
    g.refused(FAC, new StartAgendaItem("nope"), Reason.NOT_FOUND);
    g.refused("a", new StartAgendaItem(one), Reason.FORBIDDEN);
  }

  @Test
  void nextStartsTheFirstPendingItemInListOrder() {
    Given g = withItems("one", "two", "three");
    String one = id(g, 0), two = id(g, 1), three = id(g, 2);
    g.ok(FAC, new StartAgendaItem(two));
    g.later(5_000).ok(FAC, new NextAgendaItem());
    assertEquals(one, g.session.agenda.currentId, "one is still pending and comes first");
    assertEquals(5_000, g.session.agenda.item(two).spentMs);
    g.later(5_000).ok(FAC, new NextAgendaItem());
    assertEquals(three, g.session.agenda.currentId);
    assertEquals(g.now + 600_000, g.session.timer.endsAt);
  }

  @Test
  void nextWithNothingLeftClearsTheCurrentItemAndPausesTheTimer() {
    Given g = withItems("one");
    g.ok(FAC, new NextAgendaItem());
    g.later(120_000).ok(FAC, new NextAgendaItem());
    assertNull(g.session.agenda.currentId);
    assertEquals(ItemStatus.DONE, g.session.agenda.items.get(0).status);
    assertFalse(g.session.timer.running);
    assertNull(g.session.timer.endsAt);
    assertEquals(480_000, g.session.timer.remainingMs);
    g.unchanged(FAC, new NextAgendaItem());
    g.refused("a", new NextAgendaItem(), Reason.FORBIDDEN);
  }

  @Test
  void removingTheActiveItemLeavesTheTimerRunning() {
    Given g = withItems("one");
    g.ok(FAC, new StartAgendaItem(id(g, 0)));
    g.ok(FAC, new RemoveAgendaItem(id(g, 0)));
    assertNull(g.session.agenda.currentId);
    assertTrue(g.session.timer.running);
  }
}
