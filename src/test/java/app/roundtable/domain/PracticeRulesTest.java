package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The practice log in a follow-up: notes on one's own earlier commitments, recognised by series
 * identity; nobody else's, whoever they are.
 */
class PracticeRulesTest {

  /** A follow-up of a session where a ("series-a") committed to walking and b ("series-b") to reading. */
  private static Given followUp() {
    Given first = Given.session();
    first.ok(null, new Join("a", "A", null, "r-a", "n1", "series-a"));
    first.ok(null, new Join("b", "B", null, "r-b", "n1", "series-b"));
    first.ok("a", new AddCommitment("walk"));
    first.ok("a", new AddCommitment("listen"));
    first.ok("b", new AddCommitment("read"));
    first.ok(FAC, new AddCommitment("ask")); // the facilitator's own, without an identity
    Given g = Given.empty();
    g.session = Sessions.followUp(first.session, "code2", null, Given.KEY, Given.T0 + 1, new Random(3));
    g.ok(null, new Join(FAC, "Facilitator", Given.KEY, "r", "n1"));
    g.ok(null, new Join("a2", "Alex", null, "r", "n1", "series-a")); // a, in the follow-up
    g.ok(null, new Join("b2", "B", null, "r", "n1", "series-b"));
    g.ok(null, new Join("y", "A", null, "r", "n1", "series-y")); // someone else, under a's name
    return g;
  }

  private static Commitment earlier(Given g, String text) {
    for (Commitment c : g.session.previous.commitments) if (c.text.equals(text)) return c;
    throw new AssertionError("no earlier commitment " + text);
  }

  private static String walk(Given g) {
    return earlier(g, "walk").id;
  }

  @Test
  void theAuthorKeepsDatedNotesOnTheirEarlierCommitment() {
    Given g = followUp();
    g.at(Given.T0 + 86_400_000L);
    g.ok("a2", new AddPracticeNote(walk(g), " tried it on Tuesday\nit went well ", true));
    g.later(1000).ok("a2", new AddPracticeNote(walk(g), "felt awkward", false));
    List<PracticeNote> notes = earlier(g, "walk").notes;
    assertEquals(2, notes.size());
    assertEquals("tried it on Tuesday\nit went well", notes.get(0).text);
    assertTrue(notes.get(0).shared);
    assertEquals(Given.T0 + 86_400_000L, notes.get(0).at);
    assertFalse(notes.get(1).shared);
    assertEquals(Given.T0 + 86_401_000L, notes.get(1).at);
    assertEquals(16, notes.get(0).id.length());
  }

  @Test
  void theAuthorEditsAndRemovesTheirNotesAndAnEditKeepsTheDate() {
    Given g = followUp();
    g.ok("a2", new AddPracticeNote(walk(g), "first try", false));
    PracticeNote n = earlier(g, "walk").notes.get(0);
    g.later(5000).ok("a2", new EditPracticeNote(n.id, "first try, in the team meeting", null));
    n = earlier(g, "walk").notes.get(0);
    assertEquals("first try, in the team meeting", n.text);
    assertFalse(n.shared);
    assertEquals(Given.T0, n.at);
    g.ok("a2", new EditPracticeNote(n.id, null, true));
    assertTrue(earlier(g, "walk").notes.get(0).shared, "shared on second thought");
    g.unchanged("a2", new EditPracticeNote(n.id, "first try, in the team meeting", true));
    g.unchanged("a2", new EditPracticeNote(n.id, null, null));
    g.ok("a2", new EditPracticeNote(n.id, null, false));
    g.ok("a2", new RemovePracticeNote(n.id));
    assertTrue(earlier(g, "walk").notes.isEmpty());
    g.refused("a2", new RemovePracticeNote(n.id), Reason.NOT_FOUND);
    g.refused("a2", new EditPracticeNote(n.id, "again", null), Reason.NOT_FOUND);
  }

  @Test
  void nobodyWritesOnSomeoneElsesCommitmentTheFacilitatorIncluded() {
    Given g = followUp();
    String walk = walk(g);
    g.refused("b2", new AddPracticeNote(walk, "b writes on a's", true), Reason.FORBIDDEN);
    g.refused("y", new AddPracticeNote(walk, "a's name, not a", true), Reason.FORBIDDEN);
    g.refused(FAC, new AddPracticeNote(walk, "for a", true), Reason.FORBIDDEN);
    // not even on their own commitment of last time: they brought no series identity
    g.refused(FAC, new AddPracticeNote(earlier(g, "ask").id, "mine", true), Reason.FORBIDDEN);
    g.refused(null, new AddPracticeNote(walk, "nobody", true), Reason.NOT_JOINED);
    assertTrue(earlier(g, "walk").notes.isEmpty());
  }

  @Test
  void nobodyEditsOrRemovesAnotherMembersNoteTheFacilitatorIncluded() {
    Given g = followUp();
    g.ok("a2", new AddPracticeNote(walk(g), "private to a", false));
    g.ok("a2", new AddPracticeNote(walk(g), "shared by a", true));
    for (PracticeNote n : earlier(g, "walk").notes) {
      for (String other : List.of("b2", "y", FAC)) {
        g.refused(other, new EditPracticeNote(n.id, "changed", null), Reason.FORBIDDEN);
        g.refused(other, new EditPracticeNote(n.id, null, !n.shared), Reason.FORBIDDEN);
        g.refused(other, new RemovePracticeNote(n.id), Reason.FORBIDDEN);
      }
    }
    assertEquals(List.of("private to a", "shared by a"), earlier(g, "walk").notes.stream().map(n -> n.text).toList());
  }

  @Test
  void theSamePersonOnAnotherDeviceKeepsTheirLog() {
    Given g = followUp();
    g.ok("a2", new AddPracticeNote(walk(g), "on the laptop", false));
    // the same person joins again from the phone, recognised by the series identity
    g.ok(null, new Join("a3", "Alex", null, "r", "n1", "series-a"));
    String id = earlier(g, "walk").notes.get(0).id;
    g.ok("a3", new EditPracticeNote(id, "on the laptop, and now the phone", null));
    g.ok("a3", new AddPracticeNote(walk(g), "from the phone", true));
    assertEquals(2, earlier(g, "walk").notes.size());
  }

  @Test
  void notesAreOnlyOnLastSessionsCommitments() {
    Given g = followUp();
    g.random.nextLong(); // both Givens start from one seed: keep this id apart from last time's
    g.ok("a2", new AddCommitment("this time's"));
    g.refused("a2", new AddPracticeNote(g.session.commitments.get(0).id, "x", false), Reason.NOT_FOUND);
    g.refused("a2", new AddPracticeNote("nope", "x", false), Reason.NOT_FOUND);
    g.refused("a2", new EditPracticeNote("nope", "x", null), Reason.NOT_FOUND);
    g.refused("a2", new RemovePracticeNote("nope"), Reason.NOT_FOUND);
    Given first = Given.session("a");
    first.ok("a", new AddCommitment("walk"));
    first.refused("a", new AddPracticeNote(first.session.commitments.get(0).id, "x", false), Reason.NOT_FOUND);
  }

  @Test
  void aNoteIsNeitherEmptyNorOverAThousandCharacters() {
    Given g = followUp();
    String walk = walk(g);
    g.refused("a2", new AddPracticeNote(walk, "  ", true), Reason.BAD_REQUEST);
    g.refused("a2", new AddPracticeNote(walk, null, true), Reason.BAD_REQUEST);
    g.refused("a2", new AddPracticeNote(walk, "x".repeat(1001), true), Reason.LIMIT_EXCEEDED);
    g.ok("a2", new AddPracticeNote(walk, "😀".repeat(1000), true)); // characters, not UTF-16 units
    String id = earlier(g, "walk").notes.get(0).id;
    g.refused("a2", new EditPracticeNote(id, " ", null), Reason.BAD_REQUEST);
    g.refused("a2", new EditPracticeNote(id, "y".repeat(1001), null), Reason.LIMIT_EXCEEDED);
  }

  @Test
  void atMostFiftyNotesOnOneCommitment() {
    Given g = followUp();
    String walk = walk(g);
    for (int i = 0; i < Limits.PRACTICE_NOTES_PER_COMMITMENT; i++) g.ok("a2", new AddPracticeNote(walk, "day " + i, i % 2 == 0));
    g.refused("a2", new AddPracticeNote(walk, "one more", false), Reason.LIMIT_EXCEEDED);
    g.ok("a2", new AddPracticeNote(earlier(g, "listen").id, "another commitment has its own fifty", false));
  }

  @Test
  void onePersonsNotesTogetherAreBoundedInBytesWhileOthersKeepTheirOwnRoom() {
    Given g = followUp();
    String note = "é".repeat(1000); // 2 000 bytes of UTF-8
    int fit = Limits.PRACTICE_NOTE_BYTES_PER_MEMBER / 2000;
    for (int i = 0; i < fit; i++) {
      String on = i % 2 == 0 ? walk(g) : earlier(g, "listen").id; // over both of a's commitments
      g.ok("a2", new AddPracticeNote(on, note, false));
    }
    g.refused("a2", new AddPracticeNote(walk(g), note, false), Reason.LIMIT_EXCEEDED);
    String small = earlier(g, "walk").notes.get(0).id;
    g.ok("a2", new EditPracticeNote(small, "short now", null));
    g.ok("a2", new AddPracticeNote(walk(g), "é".repeat(900), false));
    g.refused("a2", new EditPracticeNote(small, note, null), Reason.LIMIT_EXCEEDED);
    g.ok("b2", new AddPracticeNote(earlier(g, "read").id, note, false));
  }

  @Test
  void theFacilitatorStillRecordsAStatusButNeverANote() {
    Given g = followUp();
    g.ok(FAC, new SetCommitmentStatus(walk(g), CommitmentStatus.TRIED, "told us in the round"));
    assertEquals(CommitmentStatus.TRIED, earlier(g, "walk").status);
    g.refused(FAC, new AddPracticeNote(walk(g), "told us in the round", true), Reason.FORBIDDEN);
  }

  @Test
  void notesCarryOverNeitherIntoTheEarlierSessionNorFromIt() {
    Given g = followUp();
    g.ok("a2", new AddPracticeNote(walk(g), "kept here", true));
    Session next = Sessions.followUp(g.session, "code3", null, Given.KEY, Given.T0 + 2, new Random(4));
    assertTrue(next.previous.commitments.isEmpty(), "a second follow-up reports on the follow-up's own commitments");
  }

  @Test
  void anEndedFollowUpTakesNoMoreNotes() {
    Given g = followUp();
    g.ok(FAC, new EndSession());
    g.refused("a2", new AddPracticeNote(walk(g), "late", true), Reason.SESSION_ENDED);
  }
}
