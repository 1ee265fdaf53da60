package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Command.*;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.Context;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import app.roundtable.testsupport.Golden;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The practice log as clients see it (golden files): shared notes under their earlier commitment in
 * the public state, private ones only in their author's view, the summary with shared notes only.
 */
class PracticeViewsTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long DAY = 86_400_000L;

  private final Random random = new Random(5);
  private long now = T0;

  /** Ana tried her commitment: one shared and one private note; Ben wrote nothing yet. */
  private Session followUp() {
    Session first = Sessions.create("golden1234abcd", "Leading without authority", Template.BLANK, "key-hash", now, new Random(1));
    first = ok(first, null, new Join("m-fac", "Fae", "key-hash", "resume-fac", "node1", "series-fac"));
    first = ok(first, null, new Join("m-ana", "Ana", null, "resume-ana", "node1", "series-ana"));
    first = ok(first, null, new Join("m-ben", "Ben", null, "resume-ben", "node1", "series-ben"));
    first = ok(first, "m-ana", new AddCommitment("Ask one question before advising"));
    first = ok(first, "m-ben", new AddCommitment("Walk the floor on Mondays"));
    Session s = Sessions.followUp(first, "golden5678efgh", null, "key-hash", now, new Random(2));
    s = ok(s, null, new Join("m-fac", "Fae", "key-hash", "resume-fac", "node1", "series-fac"));
    s = ok(s, null, new Join("m-ana", "Ana", null, "resume-ana", "node1", "series-ana"));
    s = ok(s, null, new Join("m-ben", "Ben", null, "resume-ben", "node1", "series-ben"));
    String ask = s.previous.commitments.get(0).id;
    now += 6 * DAY;
    s = ok(s, "m-ana", new SetCommitmentStatus(ask, CommitmentStatus.TRIED, null));
    s = ok(s, "m-ana", new AddPracticeNote(ask, "Tried it in two one-to-ones; people talked more", true));
    now += DAY;
    s = ok(s, "m-ana", new AddPracticeNote(ask, "I still jumped in with advice when tired", false));
    return s;
  }

  @Test
  void sharedNotesAreInThePublicStateUnderTheirCommitment() {
    Session s = followUp();
    Golden.assertMatches("state-practice.json", Frames.state(s));
    JsonNode previous = Golden.parse(Frames.state(s)).get("state").get("previous");
    assertEquals(1, previous.get("commitments").get(0).get("notes").size());
    assertEquals(0, previous.get("commitments").get(1).get("notes").size(), "every earlier commitment has its notes list");
    assertFalse(Frames.state(s).contains("jumped in"));
  }

  @Test
  void privateNotesAreOnlyInTheirAuthorsView() {
    Session s = followUp();
    Golden.assertMatches("you-ana-practice.json", YouView.json(s, "m-ana"));
    for (String other : new String[] {"m-ben", "m-fac"}) {
      JsonNode you = Golden.parse(YouView.json(s, other));
      assertEquals(0, you.get("myPracticeNotes").size(), other);
      assertFalse(you.toString().contains("jumped in"), other);
    }
  }

  @Test
  void aNoteMadePrivateLeavesThePublicStateAndMovesItsAuthorsView() {
    Session s = followUp();
    String shared = s.previous.commitments.get(0).notes.get(0).id;
    long anaBefore = new YouView.Fingerprints(s).of("m-ana");
    long benBefore = new YouView.Fingerprints(s).of("m-ben");
    s = ok(s, "m-ana", new EditPracticeNote(shared, null, false));
    assertFalse(Frames.state(s).contains("people talked more"));
    assertEquals(2, Golden.parse(YouView.json(s, "m-ana")).get("myPracticeNotes").size());
    assertTrue(anaBefore != new YouView.Fingerprints(s).of("m-ana"), "Ana's view is due to be sent again");
    assertEquals(benBefore, new YouView.Fingerprints(s).of("m-ben"), "Ben's view is not");
  }

  @Test
  void theSummaryHoldsSharedNotesOnly() {
    Session s = followUp();
    String json = SummaryView.json(s, now);
    Golden.assertMatches("summary-practice.json", json);
    String md = SummaryView.markdown(s, now);
    assertTrue(md.contains("  - 2023-11-20: Tried it in two one-to-ones; people talked more\n"), md);
    assertFalse(json.contains("jumped in") || md.contains("jumped in"));
  }

  private Session ok(Session s, String actor, Command c) {
    now += 1000;
    Outcome out = Rules.apply(s, Action.of(actor, c), new Context(now, random, Limits.DEFAULTS));
    assertTrue(out instanceof Outcome.Applied, () -> c + " was not applied: " + out);
    return ((Outcome.Applied) out).session();
  }
}
