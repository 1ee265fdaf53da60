package app.roundtable.domain;

import static app.roundtable.domain.Given.FAC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.roundtable.domain.Command.*;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facilitator moderates the queue; members may act only for themselves. */
class ModerationTest {

  @Test
  void theFacilitatorRaisesAndLowersAnyonesHand() {
    Given g = Given.session("a", "b");
    g.ok(FAC, new RaiseHand("a"));
    assertEquals("a", g.speaker());
    g.ok(FAC, new RaiseHand("b"));
    assertEquals(List.of("b"), g.waiting());
    g.unchanged(FAC, new RaiseHand("b"));
    g.ok(FAC, new LowerHand("b"));
    assertEquals(List.of(), g.waiting());
    g.unchanged(FAC, new LowerHand("b"));
    g.refused(FAC, new RaiseHand("nobody"), Reason.NOT_FOUND);
    g.refused(FAC, new LowerHand("nobody"), Reason.NOT_FOUND);
  }

  @Test
  void membersMayNameOnlyThemselves() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand("a"));
    g.ok("b", new RaiseHand("b"));
    g.refused("b", new LowerHand("a"), Reason.FORBIDDEN);
    g.refused("a", new RaiseHand("b"), Reason.FORBIDDEN);
    g.refused("b", new DoneSpeaking("a"), Reason.FORBIDDEN);
    g.refused("b", new AddCommitment("For a", "a"), Reason.FORBIDDEN);
    // Naming someone who doesn't exist is refused the same way: nothing to learn from it.
    g.refused("b", new RaiseHand("nobody"), Reason.FORBIDDEN);
    g.ok("b", new LowerHand("b"));
    g.ok("a", new DoneSpeaking("a"));
    assertNull(g.speaker());
  }

  @Test
  void endTurnEndsWhoeverSpeaksAndTheEqualRuleDecidesNext() {
    Given g = Given.session("a", "b", "c");
    g.ok("a", new RaiseHand());
    g.later(1_000).ok("b", new RaiseHand());
    g.later(1_000).ok("c", new RaiseHand());
    g.later(1_000).ok(FAC, new EndTurn());
    assertEquals(1, g.member("a").turns);
    assertEquals(3_000, g.member("a").spokenMs);
    assertEquals("b", g.speaker());
    g.later(1_000).ok("a", new RaiseHand());
    g.later(1_000).ok(FAC, new EndTurn());
    assertEquals("c", g.speaker(), "c has had no turn yet; a has had one");
    g.later(1_000).ok(FAC, new EndTurn());
    assertEquals("a", g.speaker());
    g.later(1_000).ok(FAC, new EndTurn());
    assertNull(g.speaker());
    g.unchanged(FAC, new EndTurn());
    g.refused("a", new EndTurn(), Reason.FORBIDDEN);
  }

  @Test
  void doneSpeakingForSomeoneElseEndsOnlyTheRunningTurn() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.refused(FAC, new DoneSpeaking("b"), Reason.INVALID_PHASE);
    g.later(2_000).ok(FAC, new DoneSpeaking("a"));
    assertEquals(2_000, g.member("a").spokenMs);
    assertEquals("b", g.speaker());
  }

  /**
   * Issue 22: nobody spoke, Ana raised her hand and got the floor at once; a second later the
   * facilitator's tap, meant for the empty floor they saw, must not cut her off.
   */
  @Test
  void aTapAimedAtTheSpeakerTheFacilitatorSawLeavesANewSpeakerAlone() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.later(1_000).ok(FAC, new EndTurn("a"));
    assertEquals("b", g.speaker());
    g.later(1_000).unchanged(FAC, new EndTurn("a"));
    g.unchanged(FAC, new NextSpeaker("a"));
    assertEquals("b", g.speaker());
    assertEquals(0, g.member("b").turns);
    g.later(1_000).ok(FAC, new NextSpeaker("b"));
    assertNull(g.speaker());
    g.ok("a", new RaiseHand());
    g.unchanged(FAC, new EndTurn("b"));
    assertEquals("a", g.speaker());
  }
}
