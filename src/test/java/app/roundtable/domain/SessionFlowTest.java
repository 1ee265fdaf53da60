package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A first session from start to end, the way a group would run it. */
class SessionFlowTest {

  @Test
  void aFirstSessionFromWelcomeToClose() {
    Given g = Given.empty();
    g.session = Sessions.create("code", "Circle", Template.FIRST, Given.KEY, Given.T0, new Random(4));
    long v0 = g.session.version;
    g.ok(null, new Join(FAC, "Fran", Given.KEY, "r", "n1"));
    g.join("a").join("b");

    // Welcome, then the check-in round: starting the item starts the round.
    g.ok(FAC, new NextAgendaItem());
    g.later(5 * 60_000).ok(FAC, new NextAgendaItem());
    AgendaItem checkIn = g.session.agenda.item(g.session.agenda.currentId);
    assertEquals(ItemKind.ROUND, checkIn.kind);
    assertTrue(g.session.queue.round);
    List<String> order = g.session.queue.waiting.stream().map(SpeakingQueue.Hand::memberId).toList();
    String first = g.speaker();
    assertEquals(2, order.size());
    g.later(60_000).ok(first, new DoneSpeaking());
    g.later(60_000).ok(g.speaker(), new DoneSpeaking());
    g.later(60_000).ok(g.speaker(), new DoneSpeaking());
    assertNull(g.speaker());
    assertTrue(g.session.members.values().stream().allMatch(m -> m.turns == 1));

    // The idea board opens with the item, under the item's prompt.
    g.ok(FAC, new StartAgendaItem(g.session.agenda.items.get(4).id));
    assertEquals(BoardPhase.WRITING, g.session.board.phase);
    assertEquals("What approaches could we try?", g.session.board.prompt);
    g.ok("a", new PostIdea("pair up"));
    g.ok("b", new PostIdea("journal"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    String idea = g.session.board.ideas.get(0).id;
    g.ok("a", new Vote(idea));
    g.ok("b", new Vote(idea));
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    assertEquals(2, g.session.votes(idea));

    // "Next" goes back to the first item still pending, the one skipped for the board.
    g.ok(FAC, new NextAgendaItem());
    assertEquals(g.session.agenda.items.get(2).id, g.session.agenda.currentId);

    // Commitments, then the end.
    g.ok(FAC, new StartAgendaItem(g.session.agenda.items.get(5).id));
    g.ok("a", new AddCommitment("pair up weekly"));
    g.later(10 * 60_000).ok(FAC, new EndSession());
    assertEquals(SessionStatus.ENDED, g.session.status);
    assertEquals(5 * 60_000, g.session.agenda.items.get(0).spentMs);
    assertEquals(ItemStatus.DONE, g.session.agenda.items.get(5).status);

    // Every accepted change was one version; the follow-up carries the commitment.
    assertTrue(g.session.version > v0);
    Session next = Sessions.followUp(g.session, "code2", null, "k2", g.now, new Random(5));
    assertEquals("pair up weekly", next.previous.commitments.get(0).text);
  }
}
