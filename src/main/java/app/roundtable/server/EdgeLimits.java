package app.roundtable.server;

/**
 * Bounds at the edge, against one client (by {@link ClientAddress}) and against everyone at once.
 *
 * @param createsPerMinute sessions one client address may create per minute (bursts of three times that)
 * @param createsPerMinuteTotal sessions this node creates per minute for all clients together
 * @param maxSessions sessions the in-memory store holds before refusing new ones (the Redis store
 *     is bounded by Redis's own memory limit instead)
 * @param unjoinedSockets WebSockets one client address may hold open before joining a session
 */
record EdgeLimits(int createsPerMinute, int createsPerMinuteTotal, int maxSessions, int unjoinedSockets) {
  static final EdgeLimits DEFAULTS = new EdgeLimits(10, 600, 10_000, 50);

  EdgeLimits {
    if (createsPerMinute < 1 || createsPerMinuteTotal < 1 || maxSessions < 1 || unjoinedSockets < 1) {
      throw new IllegalArgumentException("CREATES_PER_MINUTE, CREATES_PER_MINUTE_TOTAL, MAX_SESSIONS and "
          + "MAX_UNJOINED_SOCKETS must each be at least 1");
    }
  }
}
