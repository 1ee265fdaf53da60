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
    for (int i = 0; i < JoinGuard.MAX_CLIENTS + 5_000; i++) g.allow("c" + i, T0);
    assertTrue(g.size() <= JoinGuard.MAX_CLIENTS, "bounded: " + g.size());
  }

  @Test
  void theJoinGuardBlocksAClientThatMissesTooOftenButNotOthers() {
    JoinGuard g = new JoinGuard();
    for (int i = 0; i < 10; i++) {
      assertTrue(g.allow("attacker", T0));
      g.miss("attacker", T0);
    }
    assertFalse(g.allow("attacker", T0));
    assertTrue(g.allow("someone-else", T0));
    assertTrue(g.allow("attacker", T0 + 6_000), "one more every 6 s");
  }
}
