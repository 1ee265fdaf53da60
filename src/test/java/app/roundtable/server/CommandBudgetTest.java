package app.roundtable.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Budgets people never meet, that stop a flood: time passed in. */
class CommandBudgetTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void aMemberMayBurstThirtyThenTenASecondForever() {
    CommandBudget b = new CommandBudget();
    for (int i = 0; i < 30; i++) assertTrue(b.tryTake("m", T0), "burst " + i);
    assertFalse(b.tryTake("m", T0));
    long t = T0;
    for (int i = 0; i < 600; i++) { // a minute at 10/s
      t += 100;
      assertTrue(b.tryTake("m", t), "sustained " + i);
    }
    assertFalse(b.tryTake("m", t), "but not faster");
  }

  @Test
  void oneMembersFloodLeavesOthersTheirBudget() {
    CommandBudget b = new CommandBudget();
    while (b.tryTake("flooder", T0)) {
      // spend it all
    }
    assertTrue(b.tryTake("other", T0));
  }

  @Test
  void aSessionMayMakeAHundredChangesASecond() {
    CommandBudget b = new CommandBudget();
    long t = T0;
    // Twelve members, each at 10/s (after their bursts), for ten seconds: 120/s asked, 100/s+ given.
    int given = 0;
    for (int tick = 0; tick < 1000; tick++) {
      t += 10;
      String m = "m" + (tick % 12);
      for (int k = 0; k < 2; k++) if (b.tryTake(m, t)) given++;
    }
    assertTrue(given >= 1000, "at least 100/s over 10 s: " + given);
    assertTrue(given <= 1000 + 300 + 12, "at most 100/s plus the burst: " + given);
  }

  @Test
  void aRefusalSpendsNothing() {
    CommandBudget b = new CommandBudget();
    for (int i = 0; i < 30; i++) b.tryTake("m", T0);
    for (int i = 0; i < 1000; i++) assertFalse(b.tryTake("m", T0));
    assertTrue(b.tryTake("m", T0 + 100), "one token back after 100 ms, refusals did not dig a hole");
  }

  @Test
  void largeStatesSpendTheByteBudgetsAndTheFacilitatorIsNotHeldByTheSessions() {
    CommandBudget b = new CommandBudget(new RoomBudgets(128 * 1024, 384 * 1024, 5, 100));
    int state = 130_000;
    int given = 0;
    long t = T0;
    // Ten members each changing a 130 KB state 10 times a second, for ten seconds.
    for (int tick = 0; tick < 1000; tick++) {
      t += 10;
      String m = "m" + (tick % 10);
      if (b.tryTake(m, false, t)) {
        b.paid(m, false, state, t);
        given++;
      }
    }
    double bytesPerSecond = (double) given * state / 10;
    assertTrue(bytesPerSecond <= 384 * 1024 + 2 * 384 * 1024 / 10.0 + state, "the session's bytes: " + bytesPerSecond);
    assertTrue(given >= 25, "but not nothing: " + given);
    // Meanwhile the facilitator still gets through: only their own budget holds them.
    assertTrue(b.tryTake("fac", true, t));
    b.paid("fac", true, state, t);
    assertTrue(b.tryTake("fac", true, t), "a quarter of 130 KB is far inside their burst");
  }

  @Test
  void aQuietMemberStillGetsTheirTurnWhileTenNamesFloodTheSessionsBytes() {
    // The flood benchmark's finding: the session's byte budget was shared, so the flooders spent it
    // and the real members' hands were refused. Each member now holds a share of it.
    CommandBudget b = new CommandBudget(new RoomBudgets(128 * 1024, 384 * 1024, 5, 100), 16);
    int state = 120_000;
    long t = T0;
    int quietAsked = 0;
    int quietGiven = 0;
    int floodGiven = 0;
    for (int tick = 0; tick < 30_000; tick++) { // 30 s: every millisecond, each of ten names tries again
      t += 1;
      for (int f = 0; f < 10; f++) {
        String m = "flood" + f;
        if (b.tryTake(m, false, t)) {
          b.paid(m, false, state, t);
          floodGiven++;
        }
      }
      if (tick % 5000 == 2500) { // a real member raises a hand every 5 s
        quietAsked++;
        if (b.tryTake("quiet", false, t)) {
          b.paid("quiet", false, state, t);
          quietGiven++;
        }
      }
    }
    assertEquals(quietAsked, quietGiven, "every hand of the quiet member went through");
    double bytesPerSecond = (double) (floodGiven + quietGiven) * state / 30;
    assertTrue(bytesPerSecond <= 384 * 1024 * 1.25, "the storm still reaches sockets at about the session's rate: " + bytesPerSecond);
    assertTrue(floodGiven > 0, "the flooders are slowed, not silenced: " + floodGiven);
  }

  @Test
  void syncsArePaidFromTheMembersBytes() {
    CommandBudget b = new CommandBudget(new RoomBudgets(128 * 1024, 384 * 1024, 5, 100));
    int syncs = 0;
    while (b.trySync("m", 225_000, T0)) syncs++;
    assertTrue(syncs <= 3, "a 512 KiB burst holds three syncs of 225 KB: " + syncs);
    assertFalse(b.trySync("m", 225_000, T0 + 1_000), "128 KiB a second does not pay the debt back in a second");
    assertTrue(b.trySync("other", 225_000, T0), "another member has their own");
  }
}
