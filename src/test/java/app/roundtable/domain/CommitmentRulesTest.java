package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommitmentRulesTest {

  private static String only(Given g) {
    assertEquals(1, g.session.commitments.size());
    return g.session.commitments.get(0).id;
  }

  @Test
  void aMemberAddsCommitmentsUnderTheirName() {
    Given g = Given.session("a");
    g.ok("a", new AddCommitment(" ask for feedback weekly "));
    Commitment c = g.session.commitments.get(0);
    assertEquals("a", c.memberId);
    assertEquals("A", c.name);
    assertEquals("ask for feedback weekly", c.text);
    assertEquals(CommitmentStatus.PLANNED, c.status);
    assertEquals("", c.note);
    g.refused("a", new AddCommitment(" "), Reason.BAD_REQUEST);
    g.refused("a", new AddCommitment("x".repeat(281)), Reason.LIMIT_EXCEEDED);
    g.refused(null, new AddCommitment("x"), Reason.NOT_JOINED);
  }

  @Test
  void eachMemberHasAtMostMaxCommitments() {
    Given g = Given.session("a", "b");
    int max = g.limits.maxCommitmentsPerMember();
    for (int i = 0; i < max; i++) g.ok("a", new AddCommitment("c" + i));
    g.refused("a", new AddCommitment("one more"), Reason.LIMIT_EXCEEDED);
    g.ok("b", new AddCommitment("b's own allowance"));
  }

  @Test
  void onlyTheAuthorEditsRemovesOrSetsStatus() {
    Given g = Given.session("a", "b");
    g.ok("a", new AddCommitment("walk"));
    String id = only(g);
    g.refused("b", new EditCommitment(id, "run"), Reason.FORBIDDEN);
    g.refused("b", new RemoveCommitment(id), Reason.FORBIDDEN);
    g.refused("b", new SetCommitmentStatus(id, CommitmentStatus.DONE, null), Reason.FORBIDDEN);
    g.refused(FAC, new SetCommitmentStatus(id, CommitmentStatus.DONE, null), Reason.FORBIDDEN);
    g.refused("a", new EditCommitment("nope", "run"), Reason.NOT_FOUND);
    g.refused("a", new RemoveCommitment("nope"), Reason.NOT_FOUND);
    g.refused("a", new SetCommitmentStatus("nope", CommitmentStatus.DONE, null), Reason.NOT_FOUND);

    g.ok("a", new EditCommitment(id, "run"));
    assertEquals("run", g.session.commitments.get(0).text);
    g.unchanged("a", new EditCommitment(id, "run"));
    g.refused("a", new EditCommitment(id, ""), Reason.BAD_REQUEST);

    g.ok("a", new SetCommitmentStatus(id, CommitmentStatus.TRIED, "twice"));
    assertEquals(CommitmentStatus.TRIED, g.session.commitments.get(0).status);
    assertEquals("twice", g.session.commitments.get(0).note);
    g.ok("a", new SetCommitmentStatus(id, CommitmentStatus.DONE, null));
    assertEquals("twice", g.session.commitments.get(0).note, "a null note keeps the note");
    g.unchanged("a", new SetCommitmentStatus(id, CommitmentStatus.DONE, "twice"));
    g.refused("a", new SetCommitmentStatus(id, null, null), Reason.BAD_REQUEST);
    g.refused("a", new SetCommitmentStatus(id, CommitmentStatus.DONE, "x".repeat(281)), Reason.LIMIT_EXCEEDED);

    g.ok("a", new RemoveCommitment(id));
    assertTrue(g.session.commitments.isEmpty());
  }

  @Test
  void renamingCarriesOverToCommitments() {
    Given g = Given.session("a");
    g.ok("a", new AddCommitment("walk"));
    g.ok("a", new Rename("Alex"));
    assertEquals("Alex", g.session.commitments.get(0).name);
  }

  @Test
  void inAFollowUpLastTimesCommitmentsAreReportedByTheirAuthorOrByTheFacilitator() {
    Given first = Given.session();
    first.ok(null, new Join("a", "A", null, "r-a", "n1", "series-a"));
    first.ok(null, new Join("b", "B", null, "r-b", "n1", "series-b"));
    first.ok("a", new AddCommitment("walk"));
    first.ok("b", new AddCommitment("read"));
    Session next = Sessions.followUp(first.session, "code2", null, Given.KEY, Given.T0 + 1, new Random(3));
    assertEquals(first.session.series(), next.series(), "a follow-up continues the series");

    Given g = Given.empty();
    g.session = next;
    g.ok(null, new Join(FAC, "Facilitator", Given.KEY, "r", "n1"));
    g.ok(null, new Join("x", "Alex", null, "r", "n1", "series-a")); // a again, under another name
    g.ok(null, new Join("y", "A", null, "r", "n1", "series-y")); // someone else, under a's name
    g.ok(null, new Join("z", "a", null, "r", "n1")); // a's name, no identity (a v1 client)
    String walk = next.previous.commitments.get(0).id;
    String read = next.previous.commitments.get(1).id;

    g.refused("y", new SetCommitmentStatus(walk, CommitmentStatus.TRIED, null), Reason.FORBIDDEN);
    g.refused("z", new SetCommitmentStatus(walk, CommitmentStatus.TRIED, null), Reason.FORBIDDEN);
    g.ok("x", new SetCommitmentStatus(walk, CommitmentStatus.DONE, "every day"));
    assertEquals(CommitmentStatus.DONE, g.session.previous.commitments.get(0).status);
    assertEquals("every day", g.session.previous.commitments.get(0).note);
    g.refused("y", new SetCommitmentStatus(walk, CommitmentStatus.TRIED, null), Reason.FORBIDDEN);
    g.refused("x", new SetCommitmentStatus(read, CommitmentStatus.TRIED, null), Reason.FORBIDDEN);
    g.ok(FAC, new SetCommitmentStatus(read, CommitmentStatus.TRIED, null));
    assertEquals(List.of(CommitmentStatus.DONE, CommitmentStatus.TRIED),
        g.session.previous.commitments.stream().map(c -> c.status).toList());
    // the earlier session itself is untouched
    assertEquals(CommitmentStatus.PLANNED, first.session.commitments.get(0).status);
    // previous commitments can't be edited or removed: they are last session's record
    g.refused("x", new EditCommitment(walk, "x"), Reason.NOT_FOUND);
    g.refused("x", new RemoveCommitment(walk), Reason.NOT_FOUND);
  }
}
