package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-client and per-node bounds, with time passed in. */
class EdgeLimitsTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void creationIsLimitedPerClientWithARetryTime() {
    CreationGuard g = new CreationGuard(new EdgeLimits(10, 600, 100, 50), T0);
    for (int i = 0; i < 30; i++) assertEquals(0, g.tryCreate("a", T0), "a burst of three minutes' worth: " + i);
    long wait = g.tryCreate("a", T0);
    assertTrue(wait > 0 && wait <= 6_000, "one create per 6 s refills: " + wait);
    assertEquals(0, g.tryCreate("b", T0), "another client is not held up");
    assertEquals(0, g.tryCreate("a", T0 + wait), "after the wait it may create again");
  }

  @Test
  void creationIsLimitedForEveryoneTogether() {
    CreationGuard g = new CreationGuard(new EdgeLimits(10, 20, 100, 50), T0);
    for (int i = 0; i < 20; i++) assertEquals(0, g.tryCreate("client-" + i, T0));
    assertTrue(g.tryCreate("fresh", T0) > 0);
    assertEquals(0, g.tryCreate("fresh", T0 + 3_000), "20/min: one every 3 s");
  }

  @Test
  void aRefusedCreateCostsNothing() {
    CreationGuard g = new CreationGuard(new EdgeLimits(10, 1, 100, 50), T0);
    assertEquals(0, g.tryCreate("a", T0));
    for (int i = 0; i < 100; i++) assertTrue(g.tryCreate("a", T0) > 0);
    assertEquals(0, g.tryCreate("a", T0 + 60_000), "the refused tries did not use up a's budget");
  }

  @Test
  void unjoinedSocketsAreBoundedPerClient() {
    UnjoinedSockets u = new UnjoinedSockets(3);
    assertTrue(u.open("a") && u.open("a") && u.open("a"));
    assertFalse(u.open("a"));
    assertTrue(u.open("b"));
    u.done("a");
    assertTrue(u.open("a"));
    u.done("a");
    u.done("a");
    u.done("a");
    u.done("a");
    assertEquals(0, u.of("a"), "never below zero");
  }

  @Test
  void theJoinGuardForgetsTheLeastRecentlySeenClientsBeyondItsBound() {
    JoinGuard g = new JoinGuard();
    for (int i = 0; i < JoinGuard.MAX_CLIENTS + 5_000; i++) g.admit("a" + i, JoinGuard.client("a" + i, null), false, "x", T0);
    assertTrue(g.size() <= JoinGuard.MAX_CLIENTS, "bounded: " + g.size());
  }

  @Test
  void theJoinGuardBlocksAClientThatMissesTooOftenButNotItsNeighbours() {
    JoinGuard g = new JoinGuard();
    String attacker = JoinGuard.client("nat", null);
    for (int i = 0; i < 10; i++) {
      assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("nat", attacker, false, "c" + i, T0));
      g.miss("nat", attacker, T0);
    }
    assertEquals(JoinGuard.Pass.REFUSE, g.admit("nat", attacker, false, "c", T0));
    assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("nat", JoinGuard.client("nat", "neighbour-identity"), false, "c", T0),
        "a neighbour at the same address with its own secret");
    assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("elsewhere", JoinGuard.client("elsewhere", null), false, "c", T0));
    assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("nat", attacker, false, "c", T0 + 6_000), "one more every 6 s");
  }

  @Test
  void pastTheAddressesBudgetOnlyProofOrAJoinedCodeIsLookedUp() {
    JoinGuard g = new JoinGuard();
    g.joined("nat", "ours");
    for (int i = 0; i < 30; i++) {
      String minted = JoinGuard.client("nat", "minted-" + i);
      assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("nat", minted, false, "c" + i, T0));
      g.miss("nat", minted, T0);
    }
    String fresh = JoinGuard.client("nat", "fresh-secret");
    assertEquals(JoinGuard.Pass.REFUSE, g.admit("nat", fresh, false, "theirs", T0), "a new secret no longer helps");
    assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("nat", fresh, false, "ours", T0), "a code joined from here");
    assertEquals(JoinGuard.Pass.PROVE, g.admit("nat", fresh, true, "theirs", T0), "a resume token or key must prove itself");
    assertEquals(JoinGuard.Pass.LOOK_UP, g.admit("nat", fresh, false, "theirs", T0 + 3_000), "one more every 3 s");
  }

  @Test
  void theJoinGuardNeverKeepsTheSecretItself() {
    assertTrue(!JoinGuard.client("1.2.3.4", "resume-token-abc").contains("resume-token-abc"));
  }
}
