package app.roundtable.store;

import app.roundtable.domain.Session;
import java.time.Duration;

/**
 * When a session is deleted: {@code ttl} after its last change, and a session nobody ever joined
 * 24 hours after it was created (a link created and never used is not worth a month of storage).
 */
public final class Expiry {
  /** A session with no members is kept at most this long after its creation. */
  public static final long UNJOINED_MS = Duration.ofHours(24).toMillis();

  private Expiry() {}

  /** The instant (epoch ms) from which {@code s} counts as expired. */
  public static long expiresAt(Session s, long ttlMs) {
    long afterLastChange = s.updatedAt + ttlMs;
    return s.members.isEmpty() ? Math.min(afterLastChange, s.createdAt + UNJOINED_MS) : afterLastChange;
  }

  public static boolean expired(Session s, long ttlMs, long now) {
    return now > expiresAt(s, ttlMs);
  }
}
