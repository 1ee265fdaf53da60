package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agenda runs the room: what starting an item of each kind, and leaving a round item, do. */
class RoomSetupTest {

  /** The session with one item of each kind added, in this order, each 10 minutes. */
  private static Given withEveryKind(String... members) {
    Given g = Given.session(members);
    g.ok(FAC, new AddAgendaItem("Talk", 10, ItemKind.DISCUSSION, null, "What matters?"));
    g.ok(FAC, new AddAgendaItem("Check-in", 10, ItemKind.ROUND, null, "How are you arriving?"));
    g.ok(FAC, new AddAgendaItem("Ideas", 10, ItemKind.BOARD, null, "What could we try?"));
    g.ok(FAC, new AddAgendaItem("Promises", 10, ItemKind.COMMITMENTS, null, "What will I practise?"));
    g.ok(FAC, new AddAgendaItem("Coffee", 10, ItemKind.BREAK, null, null));
    return g;
  }

  private static String item(Given g, String title) {
    for (AgendaItem i : g.session.agenda.items) if (i.title.equals(title)) return i.id;
    throw new AssertionError("no item " + title);
  }

  /** Speaker first, then the waiting list: the order members will speak in. */
  private static List<String> speakingOrder(Given g) {
    List<String> order = new ArrayList<>();
    if (g.speaker() != null) order.add(g.speaker());
    order.addAll(g.waiting());
    return order;
  }

  @Test
  void aRoundItemQueuesEveryMemberPresentOnceInTheVersionThatStartsIt() {
    Given g = withEveryKind("a", "b", "c");
    g.ok("b", new Disconnect("node1"));
    long before = g.session.version;
    g.ok(FAC, new StartAgendaItem(item(g, "Check-in")));
    assertEquals(before + 1, g.session.version, "item and round in one change");
    List<String> order = speakingOrder(g);
    assertEquals(3, order.size(), "everyone present once: " + order);
    assertEquals(Set.of(FAC, "a", "c"), Set.copyOf(order));
    assertTrue(g.session.queue.round);
    assertTrue(g.session.timer.running);
    assertEquals(g.now + 600_000, g.session.timer.endsAt);
  }

  @Test
  void aRoundItemEndsTheCurrentTurnFirstAndTheEqualRuleStillOrdersTheRound() {
    Given g = withEveryKind("a", "b");
    g.ok("a", new RaiseHand());
    g.later(5_000).ok(FAC, new StartAgendaItem(item(g, "Check-in")));
    assertEquals(1, g.member("a").turns);
    assertEquals(5_000, g.member("a").spokenMs);
    List<String> order = speakingOrder(g);
    assertEquals(3, order.size());
    assertEquals("a", order.get(2), "who just spoke goes last: " + order);
    assertEquals(g.now, g.session.queue.speaker.startedAt());
  }

  @Test
  void aHandAlreadyUpJoinsTheRoundOnceAndAnAbsentMembersHandKeepsItsPlace() {
    Given g = withEveryKind("a", "b", "c");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.ok("c", new RaiseHand());
    g.ok("c", new Disconnect("node1"));
    g.ok(FAC, new StartAgendaItem(item(g, "Check-in")));
    List<String> order = speakingOrder(g);
    assertEquals(4, order.size(), "nobody twice: " + order);
    assertEquals(Set.of(FAC, "a", "b", "c"), Set.copyOf(order));
    // c raised first and is as short of turns as anyone: an absent member loses no place.
    assertEquals("c", g.speaker());
    assertTrue(g.session.queue.waiting.stream().allMatch(SpeakingQueue.Hand::round), "the rest wait as the round");
  }

  @Test
  void aBoardItemOpensAClosedBoardForWritingUnderItsPrompt() {
    Given g = withEveryKind("a");
    long before = g.session.version;
    g.ok(FAC, new StartAgendaItem(item(g, "Ideas")));
    assertEquals(before + 1, g.session.version);
    assertEquals(BoardPhase.WRITING, g.session.board.phase);
    assertEquals("What could we try?", g.session.board.prompt);
    g.ok("a", new PostIdea("Walk and talk"));
  }

  @Test
  void aBoardItemWithoutAPromptKeepsTheBoardsOwnPrompt() {
    Given g = withEveryKind("a");
    g.ok(FAC, new SetBoardPrompt("Set by hand"));
    g.ok(FAC, new UpdateAgendaItem(item(g, "Ideas"), null, null, null, ""));
    g.ok(FAC, new StartAgendaItem(item(g, "Ideas")));
    assertEquals(BoardPhase.WRITING, g.session.board.phase);
    assertEquals("Set by hand", g.session.board.prompt);
  }

  @Test
  void aBoardItemLeavesABoardThatIsUnderWayAsItIs() {
    Given g = withEveryKind("a");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("Keep a log"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok(FAC, new SetBoardPrompt("Earlier question"));
    g.ok(FAC, new StartAgendaItem(item(g, "Ideas")));
    assertEquals(BoardPhase.VOTING, g.session.board.phase);
    assertEquals("Earlier question", g.session.board.prompt);
  }

  @Test
  void discussionCommitmentsAndBreakItemsOnlyStartTheTimer() {
    for (String title : List.of("Talk", "Promises", "Coffee")) {
      Given g = withEveryKind("a", "b");
      g.ok("a", new RaiseHand());
      g.ok("b", new RaiseHand());
      g.later(1_000).ok(FAC, new StartAgendaItem(item(g, title)));
      assertEquals("a", g.speaker(), title);
      assertEquals(List.of("b"), g.waiting(), title);
      assertEquals(0, g.member("a").turns, title);
      assertFalse(g.session.queue.round, title);
      assertEquals(BoardPhase.CLOSED, g.session.board.phase, title);
      assertEquals("", g.session.board.prompt, title);
      assertEquals(g.now + 600_000, g.session.timer.endsAt, title);
    }
  }

  @Test
  void nextAgendaItemSetsTheRoomUpToo() {
    Given g = withEveryKind("a");
    g.ok(FAC, new StartAgendaItem(item(g, "Talk")));
    g.ok(FAC, new NextAgendaItem());
    assertEquals(item(g, "Check-in"), g.session.agenda.currentId);
    assertEquals(2, speakingOrder(g).size());
    g.ok(FAC, new NextAgendaItem());
    assertEquals(BoardPhase.WRITING, g.session.board.phase);
    assertEquals("What could we try?", g.session.board.prompt);
  }

  @Test
  void leavingARoundItemEndsTheRoundAndRecordsTheTurn() {
    Given g = withEveryKind("a", "b");
    g.ok(FAC, new StartAgendaItem(item(g, "Check-in")));
    String speaker = g.speaker();
    g.ok(speaker, new RaiseHand()); // whatever waits, the round's end clears it
    g.later(3_000).ok(FAC, new NextAgendaItem());
    assertEquals(item(g, "Talk"), g.session.agenda.currentId);
    assertNull(g.session.queue.speaker);
    assertEquals(List.of(), g.waiting());
    assertFalse(g.session.queue.round);
    assertEquals(1, g.member(speaker).turns);
    assertEquals(3_000, g.member(speaker).spokenMs);
  }

  @Test
  void leavingARoundItemByStartingAnotherOrRunningOutOfItemsEndsTheRound() {
    Given g = withEveryKind("a");
    g.ok(FAC, new StartAgendaItem(item(g, "Check-in")));
    g.later(2_000).ok(FAC, new StartAgendaItem(item(g, "Talk")));
    assertNull(g.session.queue.speaker);
    assertEquals(List.of(), g.waiting());
    assertFalse(g.session.queue.round);

    Given last = Given.session("a");
    last.ok(FAC, new AddAgendaItem("Check-out", 5, ItemKind.ROUND, null, null));
    last.ok(FAC, new NextAgendaItem());
    String speaker = last.speaker();
    last.later(4_000).ok(FAC, new NextAgendaItem());
    assertNull(last.session.agenda.currentId);
    assertNull(last.session.queue.speaker);
    assertEquals(List.of(), last.waiting());
    assertEquals(4_000, last.member(speaker).spokenMs);
  }

  @Test
  void leavingAnItemOfAnotherKindLeavesTheQueueAlone() {
    Given g = withEveryKind("a", "b");
    g.ok(FAC, new StartAgendaItem(item(g, "Talk")));
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.ok(FAC, new StartAgendaItem(item(g, "Promises")));
    assertEquals("a", g.speaker());
    assertEquals(List.of("b"), g.waiting());
  }

  @Test
  void removingTheActiveRoundItemLeavesTheRoundRunning() {
    Given g = withEveryKind("a", "b");
    g.ok(FAC, new StartAgendaItem(item(g, "Check-in")));
    List<String> order = speakingOrder(g);
    g.ok(FAC, new RemoveAgendaItem(item(g, "Check-in")));
    assertEquals(order, speakingOrder(g));
    assertTrue(g.session.queue.round);
  }
}
