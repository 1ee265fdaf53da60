package app.roundtable.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits code look-ups per client IP (WebSocket joins and HTTP session reads), so that 65-bit codes
 * cannot be enumerated: a generous budget for joins (a room of phones behind one NAT reconnecting)
 * and a tight one for look-ups of codes that do not exist. Bounded: idle entries are dropped.
 */
final class JoinGuard {
  private static final int MAX_ENTRIES = 50_000;
  private final Map<String, RateLimiter> attempts = new ConcurrentHashMap<>();
  private final Map<String, RateLimiter> misses = new ConcurrentHashMap<>();

  /** May this IP look a code up now? Counts the attempt. */
  boolean allow(String ip, long now) {
    RateLimiter m = misses.get(ip);
    if (m != null) {
      synchronized (m) {
        if (!m.hasToken(now)) return false;
      }
    }
    // 2 look-ups/s sustained, bursts of 60: a room of phones behind one NAT, reconnecting at once.
    return take(attempts, ip, now, 2, 60);
  }

  /** The code looked up did not exist: 1 per 6 s sustained, bursts of 10, then refused. */
  void miss(String ip, long now) {
    take(misses, ip, now, 1.0 / 6, 10);
  }

  private boolean take(Map<String, RateLimiter> map, String ip, long now, double perSecond, double burst) {
    if (map.size() > MAX_ENTRIES) map.entrySet().removeIf(e -> e.getValue().idle(now));
    RateLimiter r = map.computeIfAbsent(ip, k -> new RateLimiter(perSecond, burst, now));
    synchronized (r) {
      return r.tryTake(now);
    }
  }
}
