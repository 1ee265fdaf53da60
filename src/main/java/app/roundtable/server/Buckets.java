package app.roundtable.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per client key, at most {@code maxKeys} of them: the least recently used is
 * forgotten first, in constant time (no scans of the whole map). A forgotten key starts over with a
 * full bucket, so the bound is set well above the clients seen in any bucket's refill time.
 * Thread-safe: the verticles of a node share one.
 */
final class Buckets {
  private final Cache<String, RateLimiter> buckets;
  private final double perSecond;
  private final double burst;

  Buckets(int maxKeys, double perSecond, double burst) {
    // Eviction on the calling thread: no background pool, and tests see the bound at once.
    this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run).build();
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes a token for {@code key} if it has one. */
  boolean tryTake(String key, long now) {
    RateLimiter r = buckets.get(key, k -> new RateLimiter(perSecond, burst, now));
    synchronized (r) {
      return r.tryTake(now);
    }
  }

  /** Whether {@code key} has a token now, without taking it (a key never seen has). */
  boolean hasToken(String key, long now) {
    RateLimiter r = buckets.getIfPresent(key);
    if (r == null) return true;
    synchronized (r) {
      return r.hasToken(now);
    }
  }

  /** Milliseconds until {@code key} has a token again; 0 when it has one now. */
  long waitMs(String key, long now) {
    RateLimiter r = buckets.getIfPresent(key);
    if (r == null) return 0;
    synchronized (r) {
      return r.waitMs(now);
    }
  }

  long size() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
