package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Command.*;
import app.roundtable.domain.Commitment;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.Context;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.PracticeNote;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import app.roundtable.testsupport.Scripts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Private practice notes are confidential by construction, in the style of the board's anonymity
 * properties: a follow-up is driven through the real rules by a script of practice-log commands
 * (and some of everything else members do meanwhile), then replayed with the same randomness but
 * with A's and B's private-note commands swapped — whatever A wrote privately B writes, on B's own
 * commitment at the same place, and the other way round. Everything anyone else gets must be
 * byte-identical in both runs: every public frame (which is also what a display gets), every other
 * member's private view and whether it was due to be sent (its fingerprint), and the summary as
 * JSON and as Markdown. So "A noted x privately and B noted y" and "A noted y and B noted x" look
 * the same to everyone but A and B, which is what private means. No private text may appear in any
 * of those either, and A's and B's own views must show their notes (or the property is vacuous).
 */
class PracticeNotesConfidentialityPropertiesTest {
  private static final String FAC = "fac-0";
  private static final String A = "member-a";
  private static final String B = "member-b";
  private static final String C = "member-c";
  /** Joined without a series identity: a member who owns no earlier commitment. */
  private static final String D = "member-d";
  private static final List<String> WRITERS = List.of(A, B, C, FAC);
  private static final List<String> OTHERS = List.of(FAC, C, D);
  private static final UnaryOperator<String> SAME = UnaryOperator.identity();
  private static final UnaryOperator<String> SWAP_A_B = id -> A.equals(id) ? B : B.equals(id) ? A : id;
  /** Private texts all start so, shared ones never, so a leak is a plain substring. */
  private static final String PRIVATE = "private-";

  enum Kind { ADD_PRIVATE, EDIT_PRIVATE, REMOVE_PRIVATE, ADD_SHARED, EDIT_SHARED, REMOVE_SHARED, STATUS, RAISE, DONE }

  record Step(Kind kind, int who, int arg) {}

  /** What everyone but A and B got at one version. */
  record Observed(String publicFrame, List<String> otherViews, List<Long> otherFingerprints, String summaryJson,
      String summaryMarkdown) {}

  /**
   * At most 48 steps: no commitment can reach its 50 notes, so an add never succeeds in one run and
   * meets the limit in the other (the limit counts private and shared notes alike, and is only
   * ever told to the writer).
   */
  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(Kind.ADD_PRIVATE)), Tuple.of(4, Arbitraries.just(Kind.EDIT_PRIVATE)),
        Tuple.of(2, Arbitraries.just(Kind.REMOVE_PRIVATE)), Tuple.of(6, Arbitraries.just(Kind.ADD_SHARED)),
        Tuple.of(2, Arbitraries.just(Kind.EDIT_SHARED)), Tuple.of(1, Arbitraries.just(Kind.REMOVE_SHARED)),
        Tuple.of(2, Arbitraries.just(Kind.STATUS)), Tuple.of(2, Arbitraries.just(Kind.RAISE)),
        Tuple.of(1, Arbitraries.just(Kind.DONE)));
    return Scripts.of(kinds, Step::new, 8, 48);
  }

  @Property(tries = 300)
  void nobodyButTheAuthorCanTellWhoseThePrivateNotesAre(@ForAll("scripts") List<Step> script, @ForAll long seed) {
    Run plain = Run.replay(script, seed, SAME);
    Run swapped = Run.replay(script, seed, SWAP_A_B);
    for (Observed o : plain.observed) checkNoOnesPrivateText(o);
    boolean both = plain.sawPrivate(A) && plain.sawPrivate(B);
    Statistics.label("A and B both held private notes").collect(both);
    Statistics.label("A and B both held private notes").coverage(c -> c.check(true).percentage(p -> p > 40));
    assertEquals(plain.observed.size(), swapped.observed.size(), "swapping private notes changed how many versions there were");
    for (int i = 0; i < plain.observed.size(); i++) {
      Observed p = plain.observed.get(i);
      Observed s = swapped.observed.get(i);
      assertEquals(p.publicFrame(), s.publicFrame(), "the public frame (and the display's) at version " + i);
      assertEquals(p.otherViews(), s.otherViews(), "another member's private view at version " + i);
      assertEquals(p.otherFingerprints(), s.otherFingerprints(), "whether another member's view was sent at version " + i);
      assertEquals(p.summaryJson(), s.summaryJson(), "the summary (JSON) at version " + i);
      assertEquals(p.summaryMarkdown(), s.summaryMarkdown(), "the summary (Markdown) at version " + i);
    }
  }

  /** Private texts name their writer (in the unswapped run): an observer's view may hold only their own. */
  private static void checkNoOnesPrivateText(Observed o) {
    assertFalse(o.publicFrame().contains(PRIVATE), "a private note in the public state: " + o.publicFrame());
    for (int i = 0; i < OTHERS.size(); i++) {
      String view = o.otherViews().get(i);
      for (String writer : WRITERS) {
        if (writer.equals(OTHERS.get(i))) continue;
        assertFalse(view.contains(PRIVATE + writer), "someone else's private note in " + OTHERS.get(i) + "'s view: " + view);
      }
    }
    assertFalse(o.summaryJson().contains(PRIVATE), "a private note in the summary");
    assertFalse(o.summaryMarkdown().contains(PRIVATE), "a private note in the Markdown summary");
  }

  /** One replay of a script against a follow-up, recording what the others observed. */
  private static final class Run {
    final List<Observed> observed = new ArrayList<>();
    private boolean aSaw;
    private boolean bSaw;
    private final Random random;
    private final UnaryOperator<String> privately;
    private Session session;
    private long now = 1_700_000_000_000L;

    private Run(long seed, UnaryOperator<String> privately) {
      this.random = new Random(seed);
      this.privately = privately;
    }

    static Run replay(List<Step> steps, long seed, UnaryOperator<String> privately) {
      Run r = new Run(seed, privately);
      Session first = Sessions.create("first", "Leading", Template.BLANK, "key", r.now, r.random);
      first = r.must(first, null, new Join(FAC, "Fay", "key", "r", "n", "series-fac"));
      for (String m : List.of(A, B, C)) first = r.must(first, null, new Join(m, "Name " + m, null, "r", "n", "series-" + m));
      for (String m : List.of(A, A, B, B, C, FAC)) first = r.must(first, m, new AddCommitment("commitment of " + m));
      r.session = Sessions.followUp(first, "second", null, "key", r.now, r.random);
      r.session = r.must(r.session, null, new Join(FAC, "Fay", "key", "r", "n", "series-fac"));
      for (String m : List.of(A, B, C)) r.session = r.must(r.session, null, new Join(m, "Name " + m, null, "r", "n", "series-" + m));
      r.session = r.must(r.session, null, new Join(D, "Dee", null, "r", "n"));
      r.session = r.must(r.session, null, new DisplayJoin("n", "d-" + r.session.version, null));
      for (Step st : steps) r.step(st);
      return r;
    }

    /** Whether the member's own view ever showed them a private note of theirs. */
    boolean sawPrivate(String member) {
      return member.equals(A) ? aSaw : bSaw;
    }

    private void step(Step st) {
      String who = WRITERS.get(st.who() % WRITERS.size());
      String priv = privately.apply(who);
      switch (st.kind()) {
        case ADD_PRIVATE -> apply(priv, new AddPracticeNote(own(priv, st.arg()), PRIVATE + who + "-" + st.arg(), false));
        case EDIT_PRIVATE -> apply(priv, new EditPracticeNote(note(priv, false, st.arg()), PRIVATE + who + "-" + st.arg() + " edited", null));
        case REMOVE_PRIVATE -> apply(priv, new RemovePracticeNote(note(priv, false, st.arg())));
        case ADD_SHARED -> apply(who, new AddPracticeNote(own(who, st.arg()), "shared " + st.arg(), true));
        case EDIT_SHARED -> apply(who, new EditPracticeNote(note(who, true, st.arg()), "shared " + st.arg() + " edited", null));
        case REMOVE_SHARED -> apply(who, new RemovePracticeNote(note(who, true, st.arg())));
        case STATUS -> apply(who, new SetCommitmentStatus(own(who, st.arg()),
            CommitmentStatus.values()[st.arg() % 3], "status " + st.arg()));
        case RAISE -> apply(who, new RaiseHand());
        case DONE -> apply(who, new DoneSpeaking());
      }
    }

    /** The member's own earlier commitment number {@code k} (everyone here has one or two). */
    private String own(String member, int k) {
      List<String> mine = new ArrayList<>();
      for (Commitment c : session.previous.commitments) if (c.memberId.equals(member)) mine.add(c.id);
      return mine.get(k % mine.size());
    }

    /** The member's own note number {@code k} among the shared or the private ones; a stale id if none. */
    private String note(String member, boolean shared, int k) {
      List<String> ids = new ArrayList<>();
      for (Commitment c : session.previous.commitments) {
        if (!c.memberId.equals(member)) continue;
        for (PracticeNote n : c.notes) if (n.shared == shared) ids.add(n.id);
      }
      return ids.isEmpty() ? "gone-0" : ids.get(k % ids.size());
    }

    private void apply(String actor, Command c) {
      now += 1000;
      Outcome out = Rules.apply(session, Action.of(actor, c), new Context(now, random, Limits.DEFAULTS));
      if (!(out instanceof Outcome.Applied applied)) return;
      session = applied.session();
      List<String> views = new ArrayList<>();
      List<Long> prints = new ArrayList<>();
      YouView.Fingerprints fingerprints = new YouView.Fingerprints(session);
      for (String m : OTHERS) {
        views.add(YouView.json(session, m));
        prints.add(fingerprints.of(m));
      }
      observed.add(new Observed(Frames.state(session), views, prints, SummaryView.json(session, now),
          SummaryView.markdown(session, now)));
      aSaw |= YouView.json(session, A).contains(PRIVATE + (privately.apply(A).equals(A) ? A : B));
      bSaw |= YouView.json(session, B).contains(PRIVATE + (privately.apply(B).equals(B) ? B : A));
    }

    private Session must(Session s, String actor, Command c) {
      now += 1000;
      Outcome out = Rules.apply(s, Action.of(actor, c), new Context(now, random, Limits.DEFAULTS));
      assertTrue(out instanceof Outcome.Applied, () -> c + " was not applied: " + out);
      return ((Outcome.Applied) out).session();
    }
  }
}
