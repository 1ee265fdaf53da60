package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardRulesTest {

  private static Given writing(String... members) {
    Given g = Given.session(members);
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    return g;
  }

  private static String ideaOf(Given g, String text) {
    for (Idea i : g.session.board.ideas) if (i.text.equals(text)) return i.id;
    throw new AssertionError("no idea " + text);
  }

  @Test
  void membersPostIdeasOnlyWhileWriting() {
    Given g = Given.session("a");
    g.refused("a", new PostIdea("early"), Reason.INVALID_PHASE);
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("  walk more  "));
    Idea idea = g.session.board.ideas.get(0);
    assertEquals("walk more", idea.text);
    assertEquals("a", idea.authorId);
    assertEquals(Ids.LENGTH, idea.id.length());
    g.refused("a", new PostIdea(" "), Reason.BAD_REQUEST);
    g.refused("a", new PostIdea("x".repeat(281)), Reason.LIMIT_EXCEEDED);
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    g.refused("a", new PostIdea("late"), Reason.INVALID_PHASE);
  }

  @Test
  void theBoardHoldsAtMostMaxIdeas() {
    Given g = writing("a");
    g.limits = new Limits(12, 4, 30, 3, 5, 40, 280, 12, 40, 10, 240, 14400, 3600, 16384, 20);
    for (int i = 0; i < 3; i++) g.ok("a", new PostIdea("idea " + i));
    g.refused("a", new PostIdea("one more"), Reason.LIMIT_EXCEEDED);
  }

  @Test
  void authorsEditAndDeleteTheirOwnIdeasOnly() {
    Given g = writing("a", "b");
    g.ok("a", new PostIdea("mine"));
    String id = ideaOf(g, "mine");
    g.ok("a", new EditIdea(id, "mine, better"));
    assertEquals("mine, better", g.session.board.idea(id).text);
    g.unchanged("a", new EditIdea(id, "mine, better"));
    // someone else's idea looks exactly like one that doesn't exist
    Refusal other = g.refused("b", new EditIdea(id, "hijack"), Reason.NOT_FOUND);
    Refusal none = g.refused("b", new EditIdea("nope", "hijack"), Reason.NOT_FOUND);
    assertEquals(none, other);
    assertEquals(
        g.refused("b", new DeleteIdea("nope"), Reason.NOT_FOUND),
        g.refused("b", new DeleteIdea(id), Reason.NOT_FOUND));
    g.refused("a", new EditIdea(id, ""), Reason.BAD_REQUEST);
    g.ok("a", new DeleteIdea(id));
    assertTrue(g.session.board.ideas.isEmpty());
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    g.refused("a", new DeleteIdea(id), Reason.INVALID_PHASE);
  }

  @Test
  void refusalMessagesNeverCarryIdeaText() {
    Given g = writing("a", "b");
    g.ok("a", new PostIdea("secret plan"));
    String id = ideaOf(g, "secret plan");
    Refusal r = g.refused("b", new DeleteIdea(id), Reason.NOT_FOUND);
    assertFalse(r.message().contains("secret"));
    assertFalse(r.message().contains("A"));
  }

  @Test
  void revealingShufflesTheIdeas() {
    Set<List<String>> orders = new HashSet<>();
    for (int seed = 0; seed < 10; seed++) {
      Given g = writing("a");
      g.random.setSeed(seed);
      for (int i = 0; i < 6; i++) g.ok("a", new PostIdea("idea " + i));
      g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
      List<String> order = g.session.board.ideas.stream().map(i -> i.text).toList();
      orders.add(order);
      // moving between visible phases keeps the order people are looking at
      g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
      assertEquals(order, g.session.board.ideas.stream().map(i -> i.text).toList());
    }
    assertTrue(orders.size() > 1);
  }

  @Test
  void dotVotingWithinTheAllowance() {
    Given g = writing("a", "b");
    g.ok("a", new PostIdea("one"));
    g.ok("b", new PostIdea("two"));
    g.refused("a", new Vote(ideaOf(g, "one")), Reason.INVALID_PHASE);
    g.unchanged(FAC, new SetVotesPerMember(3)); // the default
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    String one = ideaOf(g, "one"), two = ideaOf(g, "two");
    g.ok("a", new Vote(one));
    g.ok("a", new Vote(one));
    g.ok("a", new Vote(two));
    assertEquals(Map.of(one, 2, two, 1), g.member("a").votes);
    assertEquals(0, g.session.votesLeft(g.member("a")));
    g.refused("a", new Vote(two), Reason.LIMIT_EXCEEDED);
    g.refused("b", new Vote("nope"), Reason.NOT_FOUND);
    g.ok("b", new Vote(one));
    assertEquals(3, g.session.votes(one));
    g.ok("a", new Unvote(one));
    assertEquals(Map.of(one, 1, two, 1), g.member("a").votes);
    g.ok("a", new Unvote(two));
    assertEquals(Map.of(one, 1), g.member("a").votes);
    g.refused("a", new Unvote(two), Reason.NOT_FOUND);
    g.refused("a", new Unvote("nope"), Reason.NOT_FOUND);
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    g.refused("a", new Vote(one), Reason.INVALID_PHASE);
    g.refused("a", new Unvote(one), Reason.INVALID_PHASE);
    assertEquals(2, g.session.votes(one));
  }

  @Test
  void votesPerMemberIsFixedOnceVotingStarts() {
    Given g = Given.session("a");
    g.ok(FAC, new SetVotesPerMember(5));
    g.unchanged(FAC, new SetVotesPerMember(5));
    g.refused(FAC, new SetVotesPerMember(0), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new SetVotesPerMember(g.limits.maxVotesPerMember() + 1), Reason.LIMIT_EXCEEDED);
    g.refused("a", new SetVotesPerMember(2), Reason.FORBIDDEN);
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.refused(FAC, new SetVotesPerMember(2), Reason.INVALID_PHASE);
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    g.refused(FAC, new SetVotesPerMember(2), Reason.INVALID_PHASE);
    g.ok(FAC, new ClearBoard());
    g.ok(FAC, new SetVotesPerMember(2));
  }

  @Test
  void goingBackToWritingOrClosedClearsTheVotes() {
    Given g = writing("a");
    g.ok("a", new PostIdea("one"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok("a", new Vote(ideaOf(g, "one")));
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    assertEquals(1, g.member("a").votesCast(), "revealed keeps the votes");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    assertEquals(0, g.member("a").votesCast());
    assertEquals(1, g.session.board.ideas.size(), "ideas stay");
    g.unchanged(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.refused(FAC, new SetBoardPhase(null), Reason.BAD_REQUEST);
    g.refused("a", new SetBoardPhase(BoardPhase.CLOSED), Reason.FORBIDDEN);
  }

  @Test
  void theFacilitatorGroupsVisibleIdeas() {
    Given g = writing("a");
    g.ok("a", new PostIdea("one"));
    g.refused(FAC, new GroupIdea(ideaOf(g, "one"), "health"), Reason.INVALID_PHASE);
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    String one = ideaOf(g, "one");
    g.ok(FAC, new GroupIdea(one, " health "));
    assertEquals("health", g.session.board.idea(one).group);
    g.unchanged(FAC, new GroupIdea(one, "health"));
    g.refused(FAC, new GroupIdea(one, "x".repeat(g.limits.maxGroupLength() + 1)), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new GroupIdea("nope", "x"), Reason.NOT_FOUND);
    g.refused("a", new GroupIdea(one, "x"), Reason.FORBIDDEN);
    g.ok(FAC, new GroupIdea(one, " "));
    assertNull(g.session.board.idea(one).group);
    g.unchanged(FAC, new GroupIdea(one, null));
  }

  @Test
  void thePromptMayBeSetOrCleared() {
    Given g = Given.session("a");
    g.ok(FAC, new SetBoardPrompt(" What will you try? "));
    assertEquals("What will you try?", g.session.board.prompt);
    g.unchanged(FAC, new SetBoardPrompt("What will you try?"));
    g.refused(FAC, new SetBoardPrompt("x".repeat(281)), Reason.LIMIT_EXCEEDED);
    g.refused("a", new SetBoardPrompt("x"), Reason.FORBIDDEN);
    g.ok(FAC, new SetBoardPrompt(""));
    assertEquals("", g.session.board.prompt);
  }

  @Test
  void removingAMemberKeepsTheirIdeasAndVotes() {
    Given g = writing("a", "b");
    g.ok("a", new PostIdea("one"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    String one = ideaOf(g, "one");
    g.ok("a", new Vote(one));
    g.ok(FAC, new RemoveMember("a"));
    assertEquals(1, g.session.board.ideas.size());
    assertEquals(1, g.session.votes(one));
  }
}
