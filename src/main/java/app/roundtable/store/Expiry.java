package app.roundtable.store;

import app.roundtable.domain.Session;

/**
 * When a session is deleted, for every store: {@code ttl} after its last change, and a session
 * that nobody ever joined 2 hours after it was created, whichever comes first. Abandoned creates
 * (a script, a mistyped form) otherwise held their storage for the full TTL (30 days by default).
 * Pure: the times are the session's own ({@code createdAt}, {@code updatedAt}).
 *
 * <p>Why 2 hours: one address may create 10 sessions a minute; at 24 hours that was 14 400 live
 * sessions, past {@code MAX_SESSIONS} (10 000). At 2 hours one address holds at most 1 200 that
 * nobody joined. Opening the facilitator link once (the start page's "continue") joins the
 * facilitator, and from then on the session lives the full TTL.
 */
public final class Expiry {
  public static final long UNJOINED_MS = 2L * 3600 * 1000;

  private Expiry() {}

  /** Whether anyone ever joined: members stay in the session (flagged) even after they are removed. */
  public static boolean everJoined(Session s) {
    return !s.members.isEmpty();
  }

  /** How long {@code s} lives, counted from its last change ({@code updatedAt}); at least 1 ms. */
  public static long ttlFromLastChange(Session s, long ttlMs) {
    if (everJoined(s)) return ttlMs;
    return Math.max(1, Math.min(ttlMs, s.createdAt + UNJOINED_MS - s.updatedAt));
  }

  /** The instant (epoch ms) after which {@code s} is expired: for stores that index rows by it. */
  public static long expiresAt(Session s, long ttlMs) {
    return s.updatedAt + ttlFromLastChange(s, ttlMs);
  }

  /** Whether {@code s} is past its lifetime at {@code now}. */
  public static boolean expired(Session s, long ttlMs, long now) {
    return now - s.updatedAt > ttlFromLastChange(s, ttlMs);
  }
}
