package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Session;
import app.roundtable.testsupport.Sessions;
import org.junit.jupiter.api.Test;

class ExpiryTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long DAY = 24L * 3600 * 1000;
  private static final long TTL = 30 * DAY;

  @Test
  void aSessionNobodyJoinedLivesADayFromItsCreation() {
    Session s = Sessions.fresh("C", T0);
    assertEquals(DAY, Expiry.ttlFromLastChange(s, TTL));
    assertFalse(Expiry.expired(s, TTL, T0 + DAY));
    assertTrue(Expiry.expired(s, TTL, T0 + DAY + 1));
    s.updatedAt = T0 + 10 * 3600 * 1000; // a change (e.g. a display) does not extend it
    assertEquals(14 * 3600 * 1000L, Expiry.ttlFromLastChange(s, TTL));
    assertTrue(Expiry.expired(s, TTL, T0 + DAY + 1));
  }

  @Test
  void aJoinedSessionLivesTheTtlFromItsLastChange() {
    Session s = Sessions.full();
    assertEquals(TTL, Expiry.ttlFromLastChange(s, TTL));
    assertFalse(Expiry.expired(s, TTL, s.updatedAt + TTL));
    assertTrue(Expiry.expired(s, TTL, s.updatedAt + TTL + 1));
  }

  @Test
  void aShortTtlStillWins() {
    assertEquals(60_000, Expiry.ttlFromLastChange(Sessions.fresh("C", T0), 60_000));
  }

  @Test
  void pastItsDayTheLifetimeIsTheSmallestPositive() {
    Session s = Sessions.fresh("C", T0);
    s.updatedAt = T0 + 2 * DAY;
    assertEquals(1, Expiry.ttlFromLastChange(s, TTL));
  }
}
