package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md v1.1 "Board rounds keep authors and voters hidden", rule by rule. */
class BoardRoundsTest {

  private static Given writing(String... members) {
    Given g = Given.session(members);
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    return g;
  }

  private static String idOf(Given g, String text) {
    for (Idea i : g.session.board.ideas) if (i.text.equals(text)) return i.id;
    throw new AssertionError("no idea " + text);
  }

  private static Set<String> ids(Given g) {
    Set<String> ids = new HashSet<>();
    for (Idea i : g.session.board.ideas) ids.add(i.id);
    return ids;
  }

  @Test
  void everyRevealGivesEveryIdeaAFreshId() {
    Given g = writing("a", "b");
    g.ok("a", new PostIdea("one"));
    g.ok("b", new PostIdea("two"));
    Set<String> written = ids(g);
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    Set<String> firstReveal = ids(g);
    assertTrue(Collections.disjoint(written, firstReveal), "ids seen while writing (by authors) are gone");

    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("three"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    Set<String> secondReveal = ids(g);
    assertEquals(3, secondReveal.size());
    assertTrue(Collections.disjoint(firstReveal, secondReveal),
        "no idea keeps an id from the first reveal, so the new one doesn't stand out");

    // Straight from writing to voting is a reveal too.
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    Set<String> beforeVoting = ids(g);
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    assertTrue(Collections.disjoint(beforeVoting, ids(g)));
  }

  @Test
  void everyRevealShufflesAgain() {
    Set<List<String>> orders = new HashSet<>();
    Given g = writing("a");
    for (int i = 0; i < 6; i++) g.ok("a", new PostIdea("idea " + i));
    for (int round = 0; round < 10; round++) {
      g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
      orders.add(g.session.board.ideas.stream().map(i -> i.text).toList());
      g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    }
    assertTrue(orders.size() > 1, "the same ideas come out in new orders");
  }

  @Test
  void votesFollowTheirIdeasToTheFreshIds() {
    Given g = writing("a", "b");
    g.ok("a", new PostIdea("one"));
    g.ok("b", new PostIdea("two"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok("a", new Vote(idOf(g, "one")));
    g.ok("a", new Vote(idOf(g, "one")));
    g.ok("b", new Vote(idOf(g, "two")));
    String oldOne = idOf(g, "one");
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    assertNotEquals(oldOne, idOf(g, "one"));
    assertEquals(Map.of(idOf(g, "one"), 2), g.member("a").votes);
    assertEquals(Map.of(idOf(g, "two"), 1), g.member("b").votes);
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok("a", new Unvote(idOf(g, "one")));
    assertEquals(1, g.session.votes(idOf(g, "one")));
  }

  @Test
  void resultsAreFinal() {
    Given g = writing("a");
    g.ok("a", new PostIdea("one"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok("a", new Vote(idOf(g, "one")));
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    for (BoardPhase back : List.of(BoardPhase.VOTING, BoardPhase.REVEALED, BoardPhase.WRITING, BoardPhase.CLOSED)) {
      g.refused(FAC, new SetBoardPhase(back), Reason.INVALID_PHASE);
    }
    g.unchanged(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    assertEquals(1, g.session.votes(idOf(g, "one")));
  }

  @Test
  void clearBoardStartsANewRoundAndKeepsTheFinishedOneForTheRecord() {
    Given g = writing("a", "b");
    g.ok(FAC, new SetBoardPrompt("What could we try?"));
    g.ok("a", new PostIdea("one"));
    g.ok("b", new PostIdea("two"));
    g.ok("b", new PostIdea("three"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok(FAC, new GroupIdea(idOf(g, "two"), "habits"));
    g.ok("a", new Vote(idOf(g, "two")));
    g.ok("b", new Vote(idOf(g, "two")));
    g.ok("b", new Vote(idOf(g, "three")));
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    g.refused("a", new ClearBoard(), Reason.FORBIDDEN);

    g.ok(FAC, new ClearBoard());
    Board b = g.session.board;
    assertEquals(BoardPhase.CLOSED, b.phase);
    assertTrue(b.ideas.isEmpty());
    assertEquals(0, g.member("a").votesCast() + g.member("b").votesCast());
    assertEquals(1, b.rounds.size());
    FinishedRound r = b.rounds.get(0);
    assertEquals("What could we try?", r.prompt);
    assertTrue(r.voted);
    assertEquals(List.of("two", "three", "one"), r.ideas.stream().map(e -> e.text).toList(), "most voted first");
    assertEquals(List.of(2, 1, 0), r.ideas.stream().map(e -> e.votes).toList());
    assertEquals("habits", r.ideas.get(0).group);
    assertEquals("What could we try?", b.prompt, "the prompt stays for the next round");
    g.unchanged(FAC, new ClearBoard());

    // The new round starts empty: no old idea, no old vote, no old allowance used.
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("four"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    assertEquals(g.session.board.votesPerMember, g.session.votesLeft(g.member("a")));
    assertEquals(1, g.session.board.ideas.size());
  }

  @Test
  void onlyRevealedRoundsGoToTheRecord() {
    Given g = writing("a");
    g.ok("a", new PostIdea("never shown"));
    g.ok(FAC, new ClearBoard());
    assertTrue(g.session.board.rounds.isEmpty(), "ideas nobody but their author saw are dropped unseen");
    assertTrue(g.session.board.ideas.isEmpty());

    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("shown"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok("a", new Vote(idOf(g, "shown")));
    g.ok(FAC, new ClearBoard());
    FinishedRound r = g.session.board.rounds.get(0);
    assertFalse(r.voted, "no results were shown, so no totals are kept");
    assertEquals(0, r.ideas.get(0).votes);
  }

  @Test
  void theRecordKeepsABoundedNumberOfRounds() {
    Given g = Given.session("a");
    g.limits = g.limits.withBoardBounds(g.limits.maxIdeasPerMember(), 2);
    for (int round = 0; round < 2; round++) {
      g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
      g.ok("a", new PostIdea("idea " + round));
      g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
      g.ok(FAC, new ClearBoard());
    }
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("idea 2"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    g.refused(FAC, new ClearBoard(), Reason.LIMIT_EXCEEDED);
    assertEquals(BoardPhase.RESULTS, g.session.board.phase);
    assertEquals(2, g.session.board.rounds.size());
  }

  @Test
  void aMemberHoldsAtMostTheirShareOfIdeasOnOneBoard() {
    Given g = writing("a", "b");
    g.limits = g.limits.withBoardBounds(3, g.limits.maxBoardRounds());
    for (int i = 0; i < 3; i++) g.ok("a", new PostIdea("a" + i));
    g.refused("a", new PostIdea("a3"), Reason.LIMIT_EXCEEDED);
    g.ok("b", new PostIdea("b0"));
    g.ok("a", new DeleteIdea(idOf(g, "a0")));
    g.ok("a", new PostIdea("a3"));
    assertEquals(50, Limits.DEFAULTS.maxIdeasPerMember(), "the contract's bound");
  }
}
