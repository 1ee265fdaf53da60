package app.roundtable.server;

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
}
