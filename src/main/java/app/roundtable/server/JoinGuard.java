package app.roundtable.server;

/**
 * Limits code look-ups per client (WebSocket joins and HTTP session reads), so that 65-bit codes
 * cannot be enumerated: a generous budget for joins (a room of phones behind one NAT reconnecting)
 * and a tight one for look-ups of codes that do not exist. Clients are keyed by {@link
 * ClientAddress}, so behind a gateway one abuser blocks only itself. Bounded: an LRU of clients.
 */
final class JoinGuard {
  static final int MAX_CLIENTS = 50_000;
  // 2 look-ups/s sustained, bursts of 60: a room of phones behind one NAT, reconnecting at once.
  private final Buckets attempts = new Buckets(MAX_CLIENTS, 2, 60);
  // Codes that did not exist: 1 per 6 s sustained, bursts of 10, then refused.
  private final Buckets misses = new Buckets(MAX_CLIENTS, 1.0 / 6, 10);

  /** May this client look a code up now? Counts the attempt. */
  boolean allow(String client, long now) {
    return misses.hasToken(client, now) && attempts.tryTake(client, now);
  }

  /** The code looked up did not exist. */
  void miss(String client, long now) {
    misses.tryTake(client, now);
  }

  /** Clients remembered, for tests of the bound. */
  long size() {
    return Math.max(attempts.size(), misses.size());
  }
}
