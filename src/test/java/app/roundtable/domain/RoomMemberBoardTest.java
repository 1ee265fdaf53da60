package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static app.roundtable.domain.RoomMembersTest.addRoomMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facilitator posts and votes for a room member (PROTOCOL.md v1.2), as with a paper note: for
 * nobody else, and a later facilitator can't take over what the earlier one entered.
 */
class RoomMemberBoardTest {

  private static String ideaOf(Given g, String text) {
    for (Idea i : g.session.board.ideas) if (i.text.equals(text)) return i.id;
    throw new AssertionError("no idea " + text);
  }

  @Test
  void theFacilitatorWritesARoomMembersIdeaAsTheirs() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok(FAC, new PostIdea("  ask the team first ", rosa));
    Idea idea = g.session.board.ideas.get(0);
    assertEquals("ask the team first", idea.text);
    assertEquals(rosa, idea.authorId);
    assertEquals(FAC, idea.enteredBy);
    g.ok(FAC, new EditIdea(idea.id, "ask the team", rosa));
    assertEquals("ask the team", g.session.board.idea(idea.id).text);
    // It is Rosa's, not the facilitator's: the facilitator's own edit doesn't find it.
    g.refused(FAC, new EditIdea(idea.id, "mine now"), Reason.NOT_FOUND);
    g.ok(FAC, new DeleteIdea(idea.id, rosa));
    assertTrue(g.session.board.ideas.isEmpty());
  }

  @Test
  void onlyTheFacilitatorActsAndOnlyForRoomMembers() {
    Given g = Given.session("a", "b");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.refused("a", new PostIdea("for Rosa", rosa), Reason.FORBIDDEN);
    g.refused("a", new PostIdea("for b", "b"), Reason.FORBIDDEN);
    // Members with a device write their own, even the facilitator can't write for them.
    Refusal device = g.refused(FAC, new PostIdea("for a", "a"), Reason.FORBIDDEN);
    assertEquals(BoardRules.OWN_IDEAS, device.message());
    g.refused(FAC, new PostIdea("nobody", "no-such"), Reason.NOT_FOUND);
    // Naming oneself is the same as naming nobody.
    g.ok("a", new PostIdea("mine", "a"));
    assertEquals("a", g.session.board.idea(ideaOf(g, "mine")).authorId);
    assertNull(g.session.board.idea(ideaOf(g, "mine")).enteredBy);
    g.ok(FAC, new RemoveMember(rosa));
    g.refused(FAC, new PostIdea("gone", rosa), Reason.NOT_FOUND);
  }

  @Test
  void theFacilitatorPlacesARoomMembersDotsWithinTheirAllowance() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("one"));
    g.ok(FAC, new SetVotesPerMember(2));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    String one = ideaOf(g, "one");
    g.refused("a", new Vote(one, rosa), Reason.FORBIDDEN);
    g.refused(FAC, new Vote(one, "a"), Reason.FORBIDDEN);
    g.ok(FAC, new Vote(one, rosa));
    g.ok(FAC, new Vote(one, rosa));
    g.refused(FAC, new Vote(one, rosa), Reason.LIMIT_EXCEEDED);
    assertEquals(0, g.session.votesLeft(g.member(rosa)));
    // The facilitator's own allowance is untouched, and Rosa counts as having voted.
    assertEquals(2, g.session.votesLeft(g.member(FAC)));
    assertEquals(1, g.session.voted());
    g.refused(FAC, new Unvote(one), Reason.NOT_FOUND);
    g.ok(FAC, new Unvote(one, rosa));
    assertEquals(Map.of(one, 1), g.member(rosa).votes);
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));
    assertEquals(1, g.session.votes(one));
  }

  @Test
  void aFacilitatorWhoTakesOverCantTouchWhatTheLastOneEntered() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok(FAC, new PostIdea("rosa's", rosa));
    String idea = g.session.board.ideas.get(0).id;
    g.ok(FAC, new HandOff("a"));
    // "Not found", as for an idea that doesn't exist: the refusal can't confirm whose it is.
    assertEquals(g.refused("a", new EditIdea("no-such", "x", rosa), Reason.NOT_FOUND),
        g.refused("a", new EditIdea(idea, "x", rosa), Reason.NOT_FOUND));
    g.refused("a", new DeleteIdea(idea, rosa), Reason.NOT_FOUND);
    g.ok("a", new PostIdea("rosa's second", rosa));
    g.ok("a", new SetBoardPhase(BoardPhase.VOTING));
    String first = ideaOf(g, "rosa's");
    g.ok("a", new HandOff(FAC));
    g.ok(FAC, new Vote(first, rosa));
    g.ok(FAC, new HandOff("a"));
    g.refused("a", new Unvote(first, rosa), Reason.NOT_FOUND);
    g.ok("a", new Vote(first, rosa));
    g.ok("a", new Unvote(first, rosa));
    assertEquals(Map.of(first, 1), g.member(rosa).votes);
    assertEquals(Map.of(first, 1), g.member(rosa).votesPlacedBy(FAC));
  }

  @Test
  void placedDotsFollowTheirIdeasThroughARevealAndGoWithTheRound() {
    Given g = Given.session("a");
    String rosa = addRoomMember(g, "Rosa");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    g.ok("a", new PostIdea("one"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    g.ok(FAC, new Vote(ideaOf(g, "one"), rosa));
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    String renamed = ideaOf(g, "one");
    assertEquals(Map.of(renamed, 1), g.member(rosa).votesPlacedBy(FAC));
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    assertTrue(g.member(rosa).votesPlacedBy.isEmpty());
    assertTrue(g.member(rosa).votes.isEmpty());
  }
}
