package app.roundtable.server;

/**
 * Limits how fast sessions are created: per client address and for the whole node. Unlimited
 * creation filled Redis in minutes (2 000 creates in 2.5 s from one client), after which every
 * session's commands failed. Thread-safe.
 */
final class CreationGuard {
  private final Buckets perClient;
  private final RateLimiter total;

  CreationGuard(EdgeLimits limits, long now) {
    // Bursts of three minutes' worth: someone setting up a day of workshops is not held up.
    this.perClient = new Buckets(JoinGuard.MAX_CLIENTS, limits.createsPerMinute() / 60.0, 3.0 * limits.createsPerMinute());
    this.total = new RateLimiter(limits.createsPerMinuteTotal() / 60.0, limits.createsPerMinuteTotal(), now);
  }

  /** Counts a create by {@code client} and returns 0, or how many ms it must wait (nothing counted). */
  synchronized long tryCreate(String client, long now) {
    long wait = Math.max(perClient.waitMs(client, now), total.waitMs(now));
    if (wait > 0) return wait;
    perClient.tryTake(client, now);
    total.tryTake(now);
    return 0;
  }
}
