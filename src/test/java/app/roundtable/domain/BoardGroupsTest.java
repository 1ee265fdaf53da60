package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.roundtable.domain.Command.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicates put together count as one (PROTOCOL.md v1.2 "Board groups"), and who voted is a count. */
class BoardGroupsTest {

  /** Members a, b, c; ideas posted by a and revealed, so the facilitator can group them. */
  private static Given revealed(String... ideas) {
    Given g = Given.session("a", "b", "c");
    g.ok(FAC, new SetBoardPhase(BoardPhase.WRITING));
    for (String text : ideas) g.ok("a", new PostIdea(text));
    g.ok(FAC, new SetBoardPhase(BoardPhase.REVEALED));
    return g;
  }

  private static String id(Given g, String text) {
    for (Idea i : g.session.board.ideas) if (i.text.equals(text)) return i.id;
    throw new AssertionError("no idea " + text);
  }

  private static String group(Given g, String text) {
    return g.session.board.idea(id(g, text)).group;
  }

  @Test
  void aLabelAnotherIdeaHasJoinsItsGroupUnderTheFirstSpelling() {
    Given g = revealed("weekly 1:1s", "1:1s every week", "regular one-on-ones", "walk and talk");
    g.ok(FAC, new GroupIdea(id(g, "weekly 1:1s"), " 1:1s "));
    g.ok(FAC, new GroupIdea(id(g, "1:1s every week"), "1:1S"));
    g.ok(FAC, new GroupIdea(id(g, "regular one-on-ones"), "  1:1s\t"));
    assertEquals("1:1s", group(g, "weekly 1:1s"));
    assertEquals("1:1s", group(g, "1:1s every week"));
    assertEquals("1:1s", group(g, "regular one-on-ones"));
    // The same label in another case is no change at all: it is the group the idea is already in.
    g.unchanged(FAC, new GroupIdea(id(g, "1:1s every week"), "1:1S"));
    assertNull(group(g, "walk and talk"));
  }

  @Test
  void anIdeaAloneInItsGroupMayBeRespelled() {
    Given g = revealed("one", "two");
    g.ok(FAC, new GroupIdea(id(g, "one"), "health"));
    // No other idea has the label, so the new spelling is the group's spelling.
    g.ok(FAC, new GroupIdea(id(g, "one"), "Health"));
    assertEquals("Health", group(g, "one"));
    g.ok(FAC, new GroupIdea(id(g, "two"), "HEALTH"));
    assertEquals("Health", group(g, "two"));
  }

  @Test
  void groupsAreRankedBySummedVotesThenByLabel() {
    Given g = revealed("w1", "w2", "w3", "solo", "p1", "t1");
    g.ok(FAC, new GroupIdea(id(g, "w1"), "1:1s"));
    g.ok(FAC, new GroupIdea(id(g, "w2"), "1:1S"));
    g.ok(FAC, new GroupIdea(id(g, "w3"), "1:1s"));
    g.ok(FAC, new GroupIdea(id(g, "p1"), "praise"));
    g.ok(FAC, new GroupIdea(id(g, "t1"), "Pause"));
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    // 5 votes split over the three 1:1s ideas; "solo" alone gets 3, more than any one of them.
    vote(g, "a", "w1", 2);
    vote(g, "b", "w2", 2);
    vote(g, "c", "w3", 1);
    vote(g, "a", "solo", 1);
    vote(g, "b", "solo", 1);
    vote(g, "c", "solo", 1);
    vote(g, "c", "p1", 1);
    vote(g, FAC, "t1", 1);
    g.ok(FAC, new SetBoardPhase(BoardPhase.RESULTS));

    List<BoardGroups.Group<String>> groups = BoardGroups.of(g.session);
    assertEquals(List.of("1:1s", "Pause", "praise"), groups.stream().map(BoardGroups.Group::label).toList());
    assertEquals(List.of(5, 1, 1), groups.stream().map(BoardGroups.Group::votes).toList());
    // Inside the group, most voted first; ideas with equal totals keep the board's (shuffled) order.
    List<String> inside = groups.get(0).ideas();
    assertEquals(3, inside.size());
    assertEquals(1, g.session.votes(inside.get(2)));
    assertEquals(List.of(id(g, "w1"), id(g, "w2")).stream().sorted().toList(),
        inside.subList(0, 2).stream().sorted().toList());
    // An idea without a group is in none, and keeps its own votes.
    assertEquals(3, g.session.votes(id(g, "solo")));
    assertEquals(0, groups.stream().filter(x -> x.ideas().contains(id(g, "solo"))).count());
  }

  @Test
  void votedCountsMembersWithADotAndDropsWhenTheyTakeItBack() {
    Given g = revealed("one", "two");
    g.ok(FAC, new SetBoardPhase(BoardPhase.VOTING));
    assertEquals(0, g.session.voted());
    vote(g, "a", "one", 2);
    vote(g, "b", "two", 1);
    assertEquals(2, g.session.voted());
    g.ok("b", new Unvote(id(g, "two")));
    assertEquals(1, g.session.voted());
    // A removed member's dots still count in the totals, so they count as having voted.
    g.ok(FAC, new RemoveMember("a"));
    assertEquals(1, g.session.voted());
    g.ok(FAC, new ClearBoard());
    assertEquals(0, g.session.voted());
  }

  private static void vote(Given g, String member, String idea, int times) {
    for (int k = 0; k < times; k++) g.ok(member, new Vote(id(g, idea)));
  }
}
