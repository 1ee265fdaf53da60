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

  /**
   * Takes {@code amount} tokens even past zero: the next {@link #hasToken} waits until the debt is
   * refilled. For costs only known afterwards (the bytes a change produced).
   */
  void spend(double amount, long now) {
    hasToken(now);
    tokens -= amount;
  }

  /** Whether a token is there now, without taking it. */
  boolean hasToken(long now) {
    tokens = Math.min(burst, tokens + Math.max(0, now - last) * perMs);
    last = Math.max(last, now);
    return tokens >= 1;
  }

  /** Milliseconds until a token is there; 0 when one is there now. */
  long waitMs(long now) {
    if (hasToken(now)) return 0;
    return (long) Math.ceil((1 - tokens) / perMs);
  }
}
