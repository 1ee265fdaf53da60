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
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

  @Test
  void aHandRaisedWhileNobodySpeaksGetsTheFloorAtOnce() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    assertEquals("a", g.speaker());
    assertEquals(Given.T0, g.session.queue.speaker.startedAt());
    assertEquals(List.of(), g.waiting());
  }

  @Test
  void laterHandsWaitInRaiseOrder() {
    Given g = Given.session("a", "b", "c");
    g.ok("a", new RaiseHand());
    g.later(10).ok("c", new RaiseHand());
    g.later(10).ok("b", new RaiseHand());
    assertEquals(List.of("c", "b"), g.waiting());
  }

  @Test
  void raisingAgainWhileWaitingChangesNothing() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.unchanged("b", new RaiseHand());
  }

  @Test
  void theSpeakerMayQueueForALaterTurnAndGoesBehindThoseWhoSpokeLess() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.later(1000).ok("a", new RaiseHand());
    assertEquals("a", g.speaker());
    assertEquals(List.of("a"), g.waiting());
    g.later(1000).ok("b", new RaiseHand());
    // both have 0 turns until a's turn ends; then a has one turn and b goes first
    g.later(1000).ok("a", new DoneSpeaking());
    assertEquals("b", g.speaker());
    assertEquals(List.of("a"), g.waiting());
  }

  @Test
  void lowerHandLeavesTheWaitingListOnly() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.ok("b", new LowerHand());
    assertEquals(List.of(), g.waiting());
    assertEquals("a", g.speaker());
    g.unchanged("b", new LowerHand());
    // the speaker lowering a hand they don't hold keeps the floor
    g.unchanged("a", new LowerHand());
    assertEquals("a", g.speaker());
  }

  @Test
  void doneSpeakingCreditsTheTurnAndPassesTheFloor() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.later(500).ok("b", new RaiseHand());
    g.later(4_500).ok("a", new DoneSpeaking());
    assertEquals(1, g.member("a").turns);
    assertEquals(5_000, g.member("a").spokenMs);
    assertEquals("b", g.speaker());
    assertEquals(g.now, g.session.queue.speaker.startedAt());
    g.later(1000).ok("b", new DoneSpeaking());
    assertNull(g.speaker());
  }

  @Test
  void doneSpeakingFromSomeoneWithoutTheFloorIsRefused() {
    Given g = Given.session("a", "b");
    g.refused("a", new DoneSpeaking(), Reason.INVALID_PHASE);
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.refused("b", new DoneSpeaking(), Reason.INVALID_PHASE);
  }

  @Test
  void equalPolicyPutsThoseWhoSpokeLessFirst() {
    Given g = Given.session("a", "b", "c");
    // a speaks once
    g.ok("a", new RaiseHand());
    g.later(60_000).ok("a", new DoneSpeaking());
    // b speaks longer than c
    g.ok("b", new RaiseHand());
    g.later(30_000).ok("b", new DoneSpeaking());
    g.ok("c", new RaiseHand());
    g.later(10_000).ok("c", new RaiseHand()); // c queues again while speaking
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    assertEquals(List.of("c", "b", "a"), g.waiting(), "c has no turn yet; b spoke less than a");
    g.ok("c", new DoneSpeaking()); // c: 1 turn, 10s
    // all have 1 turn; c spoke least, then b (30s), then a (60s)
    assertEquals("c", g.speaker());
    assertEquals(List.of("b", "a"), g.waiting());
  }

  @Test
  void fifoPolicyIgnoresHowMuchAnyoneSpoke() {
    Given g = Given.session("a", "b");
    g.ok(FAC, new SetQueuePolicy(QueuePolicy.FIFO));
    g.ok("a", new RaiseHand());
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.ok("a", new DoneSpeaking());
    assertEquals("a", g.speaker(), "fifo: a raised first");
    assertEquals(List.of("b"), g.waiting());
  }

  @Test
  void switchingPolicyResortsTheWaitingList() {
    Given g = Given.session("a", "b", "c");
    g.ok(FAC, new SetQueuePolicy(QueuePolicy.FIFO));
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.later(1000).ok("a", new DoneSpeaking()); // b speaks, a has 1 turn
    g.ok("a", new RaiseHand());
    g.ok("c", new RaiseHand());
    assertEquals(List.of("a", "c"), g.waiting());
    g.ok(FAC, new SetQueuePolicy(QueuePolicy.EQUAL));
    assertEquals(List.of("c", "a"), g.waiting());
    g.unchanged(FAC, new SetQueuePolicy(QueuePolicy.EQUAL));
    g.refused(FAC, new SetQueuePolicy(null), Reason.BAD_REQUEST);
    g.refused("a", new SetQueuePolicy(QueuePolicy.FIFO), Reason.FORBIDDEN);
  }

  @Test
  void nextSpeakerEndsTheTurnEarly() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.later(2000).ok(FAC, new NextSpeaker());
    assertEquals("b", g.speaker());
    assertEquals(1, g.member("a").turns);
    assertEquals(2000, g.member("a").spokenMs);
    g.ok(FAC, new NextSpeaker());
    assertNull(g.speaker());
    g.unchanged(FAC, new NextSpeaker());
    g.refused("a", new NextSpeaker(), Reason.FORBIDDEN);
  }

  @Test
  void aRoundQueuesEveryOnlineMemberOnceInShuffledOrder() {
    Set<List<String>> orders = new HashSet<>();
    for (int seed = 0; seed < 20; seed++) {
      Given g = Given.session("a", "b", "c", "d");
      g.random.setSeed(seed);
      g.ok("d", new Command.Disconnect("node1")); // offline members are not in the round
      g.ok("b", new RaiseHand()); // b speaks and is queued once more by the round
      g.ok("c", new RaiseHand());
      g.ok(FAC, new StartRound());
      assertTrue(g.session.queue.round);
      assertEquals("b", g.speaker());
      List<String> w = g.waiting();
      assertEquals(Set.of("c", FAC, "a", "b"), Set.copyOf(w));
      assertEquals(4, w.size());
      assertEquals("c", w.get(0), "c raised first; equal turns, so by seq");
      orders.add(w);
      assertFalse(g.session.queue.waiting.get(0).round());
      assertTrue(g.session.queue.waiting.get(1).round());
    }
    assertTrue(orders.size() > 1, "the round order depends on the random source");
  }

  @Test
  void theRoundFlagClearsWhenNoRoundHandsRemain() {
    Given g = Given.session("a");
    g.ok(FAC, new StartRound());
    assertEquals(1, g.waiting().size());
    assertTrue(g.session.queue.round);
    g.ok(FAC, new NextSpeaker());
    assertFalse(g.session.queue.round);
  }

  @Test
  void aRoundWithNobodyToQueueChangesNothing() {
    Given g = Given.session("a");
    g.ok("a", new RaiseHand());
    g.ok(FAC, new RaiseHand());
    g.ok("a", new RaiseHand());
    g.unchanged(FAC, new StartRound());
    g.refused("a", new StartRound(), Reason.FORBIDDEN);
  }

  @Test
  void turnLimitIsStoredWithinItsRange() {
    Given g = Given.session("a");
    g.ok(FAC, new SetTurnLimit(90));
    assertEquals(90, g.session.queue.turnLimitSec);
    g.unchanged(FAC, new SetTurnLimit(90));
    g.ok(FAC, new SetTurnLimit(0));
    g.refused(FAC, new SetTurnLimit(-1), Reason.LIMIT_EXCEEDED);
    g.refused(FAC, new SetTurnLimit(g.limits.maxTurnLimitSec() + 1), Reason.LIMIT_EXCEEDED);
    g.refused("a", new SetTurnLimit(30), Reason.FORBIDDEN);
  }

  @Test
  void aDroppedConnectionKeepsTheFloorAndTheHand() {
    Given g = Given.session("a", "b");
    g.ok("a", new RaiseHand());
    g.ok("b", new RaiseHand());
    g.ok("a", new Command.Disconnect("node1"));
    g.ok("b", new Command.Disconnect("node1"));
    assertEquals("a", g.speaker());
    assertEquals(List.of("b"), g.waiting());
  }

  @Test
  void queueCommandsNeedAMember() {
    Given g = Given.session("a");
    g.refused(null, new RaiseHand(), Reason.NOT_JOINED);
    g.refused("ghost", new LowerHand(), Reason.NOT_JOINED);
  }
}
