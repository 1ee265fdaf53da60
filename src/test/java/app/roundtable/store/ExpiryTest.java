package app.roundtable.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Session;
import app.roundtable.testsupport.Sessions;
import org.junit.jupiter.api.Test;

class ExpiryTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long HOUR = 3600L * 1000;
  private static final long DAY = 24 * HOUR;
  private static final long TTL = 30 * DAY;

  @Test
  void aSessionNobodyJoinedLivesTwoHoursFromItsCreation() {
    Session s = Sessions.fresh("C", T0);
    assertEquals(2 * HOUR, Expiry.ttlFromLastChange(s, TTL));
    assertFalse(Expiry.expired(s, TTL, T0 + 2 * HOUR));
    assertTrue(Expiry.expired(s, TTL, T0 + 2 * HOUR + 1));
    s.updatedAt = T0 + HOUR / 2; // a change (e.g. a display) does not extend it
    assertEquals(HOUR + HOUR / 2, Expiry.ttlFromLastChange(s, TTL));
    assertTrue(Expiry.expired(s, TTL, T0 + 2 * HOUR + 1));
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
