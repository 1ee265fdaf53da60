package app.roundtable.server;

/** A token bucket: {@code perSecond} sustained, bursts up to {@code burst}. Not thread-safe. */
final class RateLimiter {
  private final double perMs;
  private final double burst;
  private double tokens;
  private long last;

  RateLimiter(double perSecond, double burst, long now) {
    this.perMs = perSecond / 1000.0;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  boolean tryTake(long now) {
    if (!hasToken(now)) return false;
    tokens -= 1;
    return true;
  }

  /** Whether a token is there now, without taking it. */
  boolean hasToken(long now) {
    tokens = Math.min(burst, tokens + (now - last) * perMs);
    last = now;
    return tokens >= 1;
  }

  /** True when the bucket would be full again by {@code now}: the entry can be forgotten. */
  boolean idle(long now) {
    return tokens + (now - last) * perMs >= burst;
  }
}
